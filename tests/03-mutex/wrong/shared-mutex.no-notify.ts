// Wrong: a two-state lock (0 free, 1 locked) whose unlock never calls Atomics.notify. A
// thread that went to sleep in lock() is never woken: a lost wake-up, and a hung worker.
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
    while (Atomics.compareExchange(this.word, 0, 0, 1) !== 0) Atomics.wait(this.word, 0, 1);
  }

  tryLock(): boolean {
    return Atomics.compareExchange(this.word, 0, 0, 1) === 0;
  }

  unlock(): void {
    if (Atomics.exchange(this.word, 0, 0) === 0) throw new Error('unlock of unlocked mutex');
  }
}
