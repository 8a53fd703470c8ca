// Wrong: lock() hands out an idempotent release, but tryLock() returns a bare unlock. Its
// second call releases whoever owns the lock by then.
// Rejected by: async-mutex.test.ts
import { AsyncMutex as Reference } from '../../../solutions/03-mutex/async-mutex.ts';

export type { Release } from '../../../solutions/03-mutex/async-mutex.ts';

export class AsyncMutex extends Reference {
  override tryLock(): (() => void) | undefined {
    return super.tryLock() ? () => this.unlock() : undefined;
  }
}
