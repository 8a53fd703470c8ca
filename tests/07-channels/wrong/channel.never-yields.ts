// Wrong: a channel that never steps aside. A producer and a consumer that never wait run on
// microtasks until they are done, and every timer and I/O callback waits for them.
// Rejected by: yield.test.ts
import {
  type Received,
  Channel as Reference,
  type WaitOptions,
} from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

export class Channel<T> extends Reference<T> {
  override send(value: T, options?: WaitOptions): Promise<void> {
    // Whatever can complete now completes now, on a microtask: no turn for anybody else.
    if (!options?.signal?.aborted && this.trySendOpen(value)) return Promise.resolve();
    return super.send(value, options);
  }

  override recv(options?: WaitOptions): Promise<Received<T>> {
    const received = options?.signal?.aborted ? undefined : this.tryRecv();
    return received ? Promise.resolve(received) : super.recv(options);
  }

  private trySendOpen(value: T): boolean {
    try {
      return this.trySend(value);
    } catch {
      return false;
    }
  }
}
