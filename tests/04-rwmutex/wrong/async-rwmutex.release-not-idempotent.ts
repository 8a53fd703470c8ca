// Wrong: the release functions just call runlock() and unlock(). Called twice by an old
// holder, the second call releases somebody else's hold: another reader's, or the next
// writer's.
// Rejected by: async-rwmutex.test.ts
import { AsyncRWMutex as Reference } from '../../../solutions/04-rwmutex/async-rwmutex.ts';

export type { Release } from '../../../solutions/04-rwmutex/async-rwmutex.ts';

export class AsyncRWMutex extends Reference {
  override async rlock(): Promise<() => void> {
    await super.rlock();
    return () => this.runlock();
  }

  override async lock(): Promise<() => void> {
    await super.lock();
    return () => this.unlock();
  }
}
