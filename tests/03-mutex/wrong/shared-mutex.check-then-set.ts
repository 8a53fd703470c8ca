// Wrong: lock() checks that the word is 0, then stores 1. Between the check and the store
// another thread can pass the same check, and both believe they own the lock.
// Rejected by: shared-mutex.test.ts
import { SharedMutex as Reference } from '../../../solutions/03-mutex/shared-mutex.ts';

export class SharedMutex extends Reference {
  private readonly cell = new Int32Array(this.buffer, this.index * 4, 1);

  static override create(): SharedMutex {
    return new SharedMutex(new SharedArrayBuffer(4));
  }

  override lock(): void {
    while (Atomics.load(this.cell, 0) !== 0) Atomics.wait(this.cell, 0, 1);
    Atomics.store(this.cell, 0, 1);
  }

  override tryLock(): boolean {
    if (Atomics.load(this.cell, 0) !== 0) return false;
    Atomics.store(this.cell, 0, 1);
    return true;
  }

  override unlock(): void {
    if (Atomics.load(this.cell, 0) === 0) throw new Error('unlock of unlocked mutex');
    Atomics.store(this.cell, 0, 0);
    Atomics.notify(this.cell, 0, 1);
  }
}
