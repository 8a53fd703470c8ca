// Experiment D, event loop: a readers-writer lock for async tasks. As it stands it is a
// Mutex wearing an RWMutex's API: rlock() takes the one exclusive lock, so readers shut
// each other out. Make readers share the lock, writers exclusive, and writers preferred:
// once a writer waits, new readers wait behind it.

export type Release = () => void;

export class AsyncRWMutex {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  get isLocked(): boolean {
    return this.held;
  }

  rlock(): Promise<Release> {
    return this.lock();
  }

  /** Releases a read lock (Go's shape). Read-unlocking an unlocked lock is a bug. */
  runlock(): void {
    this.unlock();
  }

  lock(): Promise<Release> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(() => this.unlock());
    }
    return new Promise((resolve) => this.waiting.push(() => resolve(() => this.unlock())));
  }

  /** Releases the write lock (Go's shape). Unlocking an unlocked lock is a bug. */
  unlock(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  async runRead<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.rlock();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  async runWrite<T>(fn: () => T | Promise<T>): Promise<T> {
    const release = await this.lock();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
