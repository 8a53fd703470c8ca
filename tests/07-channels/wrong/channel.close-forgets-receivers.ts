// Wrong: close marks the channel closed but forgets the receivers already blocked on it.
// Later receives see ok = false; the blocked ones wait for ever (a missed wake-up).
// Rejected by: close.test.ts
import { Channel as Reference } from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

export class Channel<T> extends Reference<T> {
  override close(): void {
    // The reference keeps its blocked receivers in `receivers`; this close drops them.
    (this as unknown as { receivers: unknown[] }).receivers.length = 0;
    super.close();
  }
}
