// Wrong: waiting senders and receivers are served last in, first out (a stack is what
// `push` and `pop` give you). Nothing is lost, but the first to wait can wait for ever.
// Rejected by: rendezvous.test.ts
import { Channel as Reference } from '../../../solutions/07-channels/channel.ts';

export * from '../../../solutions/07-channels/channel.ts';

/** An array whose `shift` takes the newest element: the reference's queues become stacks. */
class Stack<T> extends Array<T> {
  override shift(): T | undefined {
    return this.pop();
  }
}

export class Channel<T> extends Reference<T> {
  constructor(capacity = 0) {
    super(capacity);
    Object.assign(this, { receivers: new Stack(), senders: new Stack() });
  }
}
