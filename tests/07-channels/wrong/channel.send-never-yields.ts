// Wrong: only receives step aside. A consumer that never waits lets timers and I/O run, but
// a producer filling a buffer with room, or handing values to receivers already waiting,
// runs on microtasks until it is done: every send that can complete now completes now.
// Rejected by: yield.test.ts
import { Channel as Reference, type WaitOptions } from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

export class Channel<T> extends Reference<T> {
  override send(value: T, options?: WaitOptions): Promise<void> {
    if (!options?.signal?.aborted && this.trySendOpen(value)) return Promise.resolve();
    return super.send(value, options);
  }

  private trySendOpen(value: T): boolean {
    try {
      return this.trySend(value);
    } catch {
      return false;
    }
  }
}
