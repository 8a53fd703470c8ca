// Experiment C, event loop: a mutex for async tasks. As it stands, nobody ever waits: a
// task that awaits inside its critical section lets the next one in. Make it a real lock:
// FIFO, with direct hand-off to the oldest waiter.

export type Release = () => void;

export class AsyncMutex {
  private locked = false;

  get isLocked(): boolean {
    return this.locked;
  }

  /** Resolves with a release function once the lock is ours; aborting the wait rejects. */
  lock(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.locked = true;
    return Promise.resolve(() => this.unlock());
  }

  /** The lock's release function if it was free, else undefined (never waits). */
  tryLock(): Release | undefined {
    this.locked = true;
    return () => this.unlock();
  }

  /** Releases the lock (Go's shape). Unlocking an unlocked mutex is a bug. */
  unlock(): void {
    this.locked = false;
  }

  /** Runs `fn` while holding the lock, and releases it however `fn` ends. */
  async runExclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.lock();
    const result = await fn();
    release();
    return result;
  }
}
