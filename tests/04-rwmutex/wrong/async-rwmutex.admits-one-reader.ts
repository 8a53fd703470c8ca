// Wrong: a writer's unlock admits only the oldest waiting reader, as a mutex hands off to one
// waiter. The other readers that queued behind the writer wait for the next unlock, which
// never comes while no writer is left.
// Rejected by: async-rwmutex.test.ts
export type Release = () => void;

export class AsyncRWMutex {
  private readers = 0;
  private writing = false;
  private readonly waitingReaders: Array<() => void> = [];
  private readonly waitingWriters: Array<() => void> = [];

  get isLocked(): boolean {
    return this.writing || this.readers > 0;
  }

  rlock(): Promise<Release> {
    if (!this.writing && this.waitingWriters.length === 0) {
      this.readers++;
      return Promise.resolve(this.once(() => this.runlock()));
    }
    return new Promise((resolve) => {
      this.waitingReaders.push(() => resolve(this.once(() => this.runlock())));
    });
  }

  runlock(): void {
    if (this.readers === 0) throw new Error('runlock of unlocked RWMutex');
    this.readers--;
    if (this.readers === 0) this.admitWriter();
  }

  lock(): Promise<Release> {
    if (!this.writing && this.readers === 0 && this.waitingWriters.length === 0) {
      this.writing = true;
      return Promise.resolve(this.once(() => this.unlock()));
    }
    return new Promise((resolve) => {
      this.waitingWriters.push(() => resolve(this.once(() => this.unlock())));
    });
  }

  unlock(): void {
    if (!this.writing) throw new Error('unlock of unlocked RWMutex');
    this.writing = false;
    const reader = this.waitingReaders.shift();
    if (reader) {
      this.readers++;
      reader();
    } else {
      this.admitWriter();
    }
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

  private admitWriter(): void {
    const next = this.waitingWriters.shift();
    if (!next) return;
    this.writing = true;
    next();
  }

  private once(release: Release): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  }
}
