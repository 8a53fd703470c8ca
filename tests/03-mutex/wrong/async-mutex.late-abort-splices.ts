// Wrong: the abort listener stays attached after the lock is granted, and it splices at
// indexOf(waiter) without checking. A granted waiter is no longer queued, so indexOf is -1,
// and splice(-1, 1) removes the last waiter, who then waits for ever.
// Rejected by: async-mutex.test.ts
import { AsyncMutex as Reference, type Release } from '../../../solutions/03-mutex/async-mutex.ts';

export type { Release } from '../../../solutions/03-mutex/async-mutex.ts';

export class AsyncMutex extends Reference {
  override lock(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter = { grant: resolve };
      this.waiters.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }
}
