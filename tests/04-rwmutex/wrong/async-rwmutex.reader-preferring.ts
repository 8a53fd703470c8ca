// Wrong: a reader gets in whenever no writer holds the lock, waiting writers or not. As
// long as readers keep overlapping, the count of readers never drops to zero, and a
// waiting writer starves.
// Rejected by: async-rwmutex.test.ts
import { AsyncRWMutex as Reference } from '../../../solutions/04-rwmutex/async-rwmutex.ts';

export type { Release } from '../../../solutions/04-rwmutex/async-rwmutex.ts';

export class AsyncRWMutex extends Reference {
  private active = 0;
  private writerIn = false;
  private blockedReaders: Array<() => void> = [];
  private readonly blockedWriters: Array<() => void> = [];

  override get isLocked(): boolean {
    return this.writerIn || this.active > 0;
  }

  override rlock(): Promise<() => void> {
    if (!this.writerIn) {
      this.active++;
      return Promise.resolve(() => this.runlock());
    }
    return new Promise((resolve) => this.blockedReaders.push(() => resolve(() => this.runlock())));
  }

  override runlock(): void {
    if (this.active === 0) throw new Error('runlock of unlocked RWMutex');
    if (--this.active === 0) this.nextWriter();
  }

  override lock(): Promise<() => void> {
    if (!this.writerIn && this.active === 0) {
      this.writerIn = true;
      return Promise.resolve(() => this.unlock());
    }
    return new Promise((resolve) => this.blockedWriters.push(() => resolve(() => this.unlock())));
  }

  override unlock(): void {
    if (!this.writerIn) throw new Error('unlock of unlocked RWMutex');
    this.writerIn = false;
    const readers = this.blockedReaders;
    this.blockedReaders = [];
    this.active += readers.length;
    for (const wake of readers) wake();
    if (this.active === 0) this.nextWriter();
  }

  private nextWriter(): void {
    const next = this.blockedWriters.shift();
    if (!next) return;
    this.writerIn = true;
    next();
  }
}
