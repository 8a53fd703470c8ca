// Wrong: the "unbuffered" channel keeps one value, so a send completes before anyone has
// received it. Everything else is the reference.
// Rejected by: abort.test.ts
import { Channel as Reference } from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

export class Channel<T> extends Reference<T> {
  constructor(capacity = 0) {
    super(Math.max(1, capacity));
  }
}
