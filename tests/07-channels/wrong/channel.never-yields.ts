// Wrong: a channel that never steps aside. Sends complete at once as in
// channel.send-never-yields.ts, and so do receives: a producer and a consumer that never wait
// run on microtasks until they are done, and every timer and I/O callback waits for them.
// Rejected by: yield.test.ts
import type { Received, WaitOptions } from '../../../solutions/07-channels/channel.ts';
import { Channel as SendNeverYields } from './channel.send-never-yields.ts';

export * from './channel.send-never-yields.ts';

export class Channel<T> extends SendNeverYields<T> {
  override recv(options?: WaitOptions): Promise<Received<T>> {
    const received = options?.signal?.aborted ? undefined : this.tryRecv();
    return received ? Promise.resolve(received) : super.recv(options);
  }
}
