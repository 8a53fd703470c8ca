// Wrong: unlock wakes every waiter and lets them race for the lock again. It still
// excludes, but it is not FIFO: a task that unlocks and locks again at once, or any
// newcomer, barges in ahead of the waiters, who queue again at the back.
// Rejected by: async-mutex.test.ts
export type Release = () => void;

export class AsyncMutex {
  private locked = false;
  private waiters: Array<() => void> = [];

  get isLocked(): boolean {
    return this.locked;
  }

  async lock(signal?: AbortSignal): Promise<Release> {
    signal?.throwIfAborted();
    while (this.locked) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve, reject) => {
        this.waiters.push(resolve);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    this.locked = true;
    return this.releaser();
  }

  tryLock(): Release | undefined {
    if (this.locked) return undefined;
    this.locked = true;
    return this.releaser();
  }

  unlock(): void {
    if (!this.locked) throw new Error('unlock of unlocked mutex');
    this.locked = false;
    const everyone = this.waiters;
    this.waiters = [];
    for (const wake of everyone) wake();
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
