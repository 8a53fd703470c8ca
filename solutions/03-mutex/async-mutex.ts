// A mutex for the event loop. FIFO with direct hand-off: unlock passes the lock straight
// to the oldest waiter, so nobody can barge in between. Not reentrant: a task that locks
// twice waits for itself forever.

export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
}

export class AsyncMutex {
  protected locked = false;
  protected readonly waiters: Waiter[] = [];

  get isLocked(): boolean {
    return this.locked;
  }

  /** Resolves with a release function once the lock is ours. Aborting a wait rejects it. */
  lock(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve };
      if (signal) {
        const onAbort = () => {
          const at = this.waiters.indexOf(waiter);
          if (at >= 0) this.waiters.splice(at, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.grant = (release) => {
          signal.removeEventListener('abort', onAbort);
          resolve(release);
        };
      }
      this.waiters.push(waiter);
    });
  }

  tryLock(): Release | undefined {
    if (this.locked) return undefined;
    this.locked = true;
    return this.releaser();
  }

  /** Go's shape: releases whoever holds the lock. Throws if nobody does. */
  unlock(): void {
    if (!this.locked) throw new Error('unlock of unlocked mutex');
    const next = this.waiters.shift();
    // Direct hand-off: `locked` stays true, the oldest waiter now owns the lock.
    if (next) next.grant(this.releaser());
    else this.locked = false;
  }

  async runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = this.tryLock() ?? (await this.lock());
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** One release per acquisition: a second call must not release a later owner's lock. */
  protected releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.unlock();
    };
  }
}
