// Wrong: a woken sleeper takes the lock as 1 ("locked, nobody waits"), forgetting that other
// sleepers may remain. Its unlock then finds 1 and skips the notify: with two or more
// sleepers, one is never woken (Drepper's "Futexes are tricky", mutex 2).
// Rejected by: locked-map.threads.test.ts
import { SharedMutex as Reference } from '../../../solutions/03-mutex/shared-mutex.ts';

export class SharedMutex extends Reference {
  private readonly cell = new Int32Array(this.buffer, this.index * 4, 1);

  static override create(): SharedMutex {
    return new SharedMutex(new SharedArrayBuffer(4));
  }

  override lock(): void {
    while (Atomics.compareExchange(this.cell, 0, 0, 1) !== 0) {
      Atomics.compareExchange(this.cell, 0, 1, 2); // announce a sleeper
      Atomics.wait(this.cell, 0, 2);
    }
  }
}
