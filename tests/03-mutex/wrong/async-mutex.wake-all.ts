// Wrong: unlock wakes every waiter and lets them race for the lock again. It still
// excludes, but it is not FIFO: a task that unlocks and locks again at once, or any
// newcomer, barges in ahead of the waiters, who queue again at the back.
// Rejected by: async-mutex.test.ts
import { AsyncMutex as Reference, type Release } from '../../../solutions/03-mutex/async-mutex.ts';

export type { Release } from '../../../solutions/03-mutex/async-mutex.ts';

/** What a woken waiter is handed: nothing, it must win the lock again. */
const nothing: Release = () => {};

export class AsyncMutex extends Reference {
  override async lock(signal?: AbortSignal): Promise<Release> {
    signal?.throwIfAborted();
    while (this.locked) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        this.waiters.push({ grant: () => resolve() });
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    this.locked = true;
    return this.releaser();
  }

  override unlock(): void {
    if (!this.locked) throw new Error('unlock of unlocked mutex');
    this.locked = false;
    for (const waiter of this.waiters.splice(0)) waiter.grant(nothing);
  }
}
