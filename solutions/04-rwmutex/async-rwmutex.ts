// A writer-preferring readers-writer lock for the event loop, with Go's phases: once a
// writer waits, new readers queue behind it; when that writer unlocks, every reader that
// queued meanwhile is admitted together, before the next writer. Neither side starves.

export type Release = () => void;

export class AsyncRWMutex {
  protected readers = 0;
  protected writing = false;
  protected readonly waitingReaders: Array<() => void> = [];
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
      // `unlock` counts us in before it wakes us.
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
    if (this.waitingReaders.length > 0) {
      const admitted = this.waitingReaders.splice(0);
      this.readers += admitted.length;
      for (const wake of admitted) wake();
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

  /** Direct hand-off to the oldest waiting writer, if any. */
  protected admitWriter(): void {
    const next = this.waitingWriters.shift();
    if (!next) return;
    this.writing = true;
    next();
  }

  /** One release per acquisition: a second call must not release a later holder. */
  private once(release: Release): Release {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  }
}
