// Wrong: the abort listener stays attached after the lock is granted, and it splices at
// indexOf(waiter) without checking. A granted waiter is no longer queued, so indexOf is -1,
// and splice(-1, 1) removes the last waiter, who then waits for ever.
// Rejected by: async-mutex.test.ts
export type Release = () => void;

export class AsyncMutex {
  private locked = false;
  private readonly waiters: Array<(release: Release) => void> = [];

  get isLocked(): boolean {
    return this.locked;
  }

  lock(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.locked) {
      this.locked = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise<Release>((resolve, reject) => {
      this.waiters.push(resolve);
      signal?.addEventListener(
        'abort',
        () => {
          this.waiters.splice(this.waiters.indexOf(resolve), 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  tryLock(): Release | undefined {
    if (this.locked) return undefined;
    this.locked = true;
    return this.releaser();
  }

  unlock(): void {
    if (!this.locked) throw new Error('unlock of unlocked mutex');
    const next = this.waiters.shift();
    if (next) next(this.releaser());
    else this.locked = false;
  }

  async runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.unlock();
    };
  }
}
