// Wrong: a two-state lock (0 free, 1 locked) whose unlock never calls Atomics.notify. A
// thread that went to sleep in lock() is never woken: a lost wake-up, and a hung worker.
// Rejected by: shared-mutex.test.ts
import { SharedMutex as Reference } from '../../../solutions/03-mutex/shared-mutex.ts';

export class SharedMutex extends Reference {
  private readonly cell = new Int32Array(this.buffer, this.index * 4, 1);

  static override create(): SharedMutex {
    return new SharedMutex(new SharedArrayBuffer(4));
  }

  override lock(): void {
    while (Atomics.compareExchange(this.cell, 0, 0, 1) !== 0) Atomics.wait(this.cell, 0, 1);
  }

  override tryLock(): boolean {
    return Atomics.compareExchange(this.cell, 0, 0, 1) === 0;
  }

  override unlock(): void {
    if (Atomics.exchange(this.cell, 0, 0) === 0) throw new Error('unlock of unlocked mutex');
  }
}
