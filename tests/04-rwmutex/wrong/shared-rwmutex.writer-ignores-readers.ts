// Wrong: readers wait while a writer is in, but a writer only waits for other writers,
// not for the readers already inside: it changes the data under a reader's feet.
import { SharedMutex } from '../../../solutions/03-mutex/shared-mutex.ts';

const READERS = 0;
const WRITER_IN = 1;

export class SharedRWMutex {
  static readonly WORDS = 3;
  readonly buffer: SharedArrayBuffer;
  readonly index: number;
  private readonly words: Int32Array;
  private readonly writers: SharedMutex;

  constructor(buffer: SharedArrayBuffer, index = 0) {
    this.words = new Int32Array(buffer, index * 4, 2);
    this.writers = new SharedMutex(buffer, index + 2);
    this.buffer = buffer;
    this.index = index;
  }

  static create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(SharedRWMutex.WORDS * 4));
  }

  rlock(): void {
    for (;;) {
      while (Atomics.load(this.words, WRITER_IN) === 1) Atomics.wait(this.words, WRITER_IN, 1);
      Atomics.add(this.words, READERS, 1);
      if (Atomics.load(this.words, WRITER_IN) === 0) return;
      Atomics.sub(this.words, READERS, 1); // a writer came in meanwhile: back off
    }
  }

  runlock(): void {
    if (Atomics.sub(this.words, READERS, 1) === 0) {
      Atomics.add(this.words, READERS, 1);
      throw new Error('runlock of unlocked RWMutex');
    }
  }

  lock(): void {
    this.writers.lock();
    Atomics.store(this.words, WRITER_IN, 1);
  }

  unlock(): void {
    if (Atomics.exchange(this.words, WRITER_IN, 0) === 0) {
      throw new Error('unlock of unlocked RWMutex');
    }
    Atomics.notify(this.words, WRITER_IN);
    this.writers.unlock();
  }
}
