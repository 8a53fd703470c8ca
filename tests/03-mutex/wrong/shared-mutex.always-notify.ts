// Wrong: a two-state lock (0 free, 1 locked) whose unlock always calls Atomics.notify. It
// excludes and never loses a wake-up, but every uncontended unlock pays for a notify: the
// cost the three-state word exists to avoid.
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

  override unlock(): void {
    if (Atomics.exchange(this.cell, 0, 0) === 0) throw new Error('unlock of unlocked mutex');
    Atomics.notify(this.cell, 0, 1);
  }
}
