// Wrong: lock() checks that the word is 0, then stores 1. Between the check and the store
// another thread can pass the same check, and both believe they own the lock.
export class SharedMutex {
  static readonly WORDS = 1;
  readonly buffer: SharedArrayBuffer;
  readonly index: number;
  private readonly word: Int32Array;

  constructor(buffer: SharedArrayBuffer, index = 0) {
    this.word = new Int32Array(buffer, index * 4, SharedMutex.WORDS);
    this.buffer = buffer;
    this.index = index;
  }

  static create(): SharedMutex {
    return new SharedMutex(new SharedArrayBuffer(SharedMutex.WORDS * 4));
  }

  lock(): void {
    while (Atomics.load(this.word, 0) !== 0) Atomics.wait(this.word, 0, 1);
    Atomics.store(this.word, 0, 1);
  }

  tryLock(): boolean {
    if (Atomics.load(this.word, 0) !== 0) return false;
    Atomics.store(this.word, 0, 1);
    return true;
  }

  unlock(): void {
    if (Atomics.load(this.word, 0) === 0) throw new Error('unlock of unlocked mutex');
    Atomics.store(this.word, 0, 0);
    Atomics.notify(this.word, 0, 1);
  }
}
