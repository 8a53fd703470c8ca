// Wrong: a writer's unlock admits only the oldest waiting reader, as a mutex hands off to one
// waiter. The other readers that queued behind the writer wait for the next unlock, which
// never comes while no writer is left.
// Rejected by: async-rwmutex.test.ts
import { AsyncRWMutex as Reference } from '../../../solutions/04-rwmutex/async-rwmutex.ts';

export type { Release } from '../../../solutions/04-rwmutex/async-rwmutex.ts';

export class AsyncRWMutex extends Reference {
  override unlock(): void {
    if (!this.writing) throw new Error('unlock of unlocked RWMutex');
    this.writing = false;
    const reader = this.waitingReaders.shift();
    if (reader) {
      this.readers++;
      reader();
    } else {
      this.admitWriter();
    }
  }
}
