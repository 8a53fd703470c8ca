// Wrong: readers wait while a writer is in, but a writer only waits for other writers,
// not for the readers already inside: it changes the data under a reader's feet.
// Rejected by: shared-rwmutex.threads.test.ts
import { SharedMutex } from '../../../solutions/03-mutex/shared-mutex.ts';
import { SharedRWMutex as Reference } from '../../../solutions/04-rwmutex/shared-rwmutex.ts';

const READERS = 0;
const WRITER_IN = 1;

export class SharedRWMutex extends Reference {
  private readonly cells = new Int32Array(this.buffer, this.index * 4, 2);
  private readonly writerLock = new SharedMutex(this.buffer, this.index + 2);

  static override create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(Reference.WORDS * 4));
  }

  override rlock(): void {
    for (;;) {
      while (Atomics.load(this.cells, WRITER_IN) === 1) Atomics.wait(this.cells, WRITER_IN, 1);
      Atomics.add(this.cells, READERS, 1);
      if (Atomics.load(this.cells, WRITER_IN) === 0) return;
      Atomics.sub(this.cells, READERS, 1); // a writer came in meanwhile: back off
    }
  }

  override runlock(): void {
    if (Atomics.sub(this.cells, READERS, 1) === 0) {
      Atomics.add(this.cells, READERS, 1);
      throw new Error('runlock of unlocked RWMutex');
    }
  }

  override lock(): void {
    this.writerLock.lock();
    Atomics.store(this.cells, WRITER_IN, 1);
  }

  override unlock(): void {
    if (Atomics.exchange(this.cells, WRITER_IN, 0) === 0) {
      throw new Error('unlock of unlocked RWMutex');
    }
    Atomics.notify(this.cells, WRITER_IN);
    this.writerLock.unlock();
  }
}
