// Wrong: waits for the lock by spinning. On the event loop the holder can never run to
// release it, so the first contended lock() blocks the thread for good (the watchdog stops
// the spec file and names the spec).
// Rejected by: async-mutex.test.ts
export type Release = () => void;

export class AsyncMutex {
  private locked = false;

  get isLocked(): boolean {
    return this.locked;
  }

  lock(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    while (this.locked) {
      // spin: nothing else can run on this thread while we do
    }
    this.locked = true;
    return Promise.resolve(() => this.unlock());
  }

  tryLock(): Release | undefined {
    if (this.locked) return undefined;
    this.locked = true;
    return () => this.unlock();
  }

  unlock(): void {
    if (!this.locked) throw new Error('unlock of unlocked mutex');
    this.locked = false;
  }

  async runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
