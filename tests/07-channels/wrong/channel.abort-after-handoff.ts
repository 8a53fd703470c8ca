// Wrong: a receive checks its signal once more after it wakes, and throws if it has been
// aborted meanwhile. When the abort comes just after the hand-off, the value is lost: the
// sender was told it was delivered, and the receiver threw it away.
// Rejected by: abort.test.ts
import {
  type Received,
  Channel as Reference,
  type WaitOptions,
} from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

export class Channel<T> extends Reference<T> {
  override async recv(options?: WaitOptions): Promise<Received<T>> {
    const received = await super.recv(options);
    options?.signal?.throwIfAborted();
    return received;
  }
}
