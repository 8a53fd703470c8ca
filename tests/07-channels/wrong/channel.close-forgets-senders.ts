// Wrong: close wakes the blocked receivers but not the blocked senders. Go panics in each
// of them ("send on closed channel"); here they would wait for ever.
// Rejected by: select.test.ts
import { Channel as Reference } from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

export class Channel<T> extends Reference<T> {
  override close(): void {
    (this as unknown as { senders: unknown[] }).senders.length = 0;
    super.close();
  }
}
