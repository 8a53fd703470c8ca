// Wrong: the release function just calls unlock(). Called twice by the old owner, its
// second call releases whoever owns the lock by then, and lets a third task in.
// Rejected by: async-mutex.test.ts
import { AsyncMutex as FifoMutex } from '../../../solutions/03-mutex/async-mutex.ts';

export type { Release } from '../../../solutions/03-mutex/async-mutex.ts';

export class AsyncMutex extends FifoMutex {
  override async lock(signal?: AbortSignal): Promise<() => void> {
    await super.lock(signal);
    return () => this.unlock();
  }

  override tryLock(): (() => void) | undefined {
    return super.tryLock() ? () => this.unlock() : undefined;
  }
}
