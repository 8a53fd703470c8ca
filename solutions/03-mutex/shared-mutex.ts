// A mutex for worker threads over one Int32 word of shared memory: the three-state futex
// (Drepper, "Futexes are tricky"). 0 = free, 1 = locked, 2 = locked and someone may sleep.
// Only an unlock that sees 2 pays for a notify; an uncontended lock+unlock is one
// compareExchange and one exchange.
import { sharedWords } from '../../lib/shared-memory/shared-words.ts';

const FREE = 0;
const LOCKED = 1;
const CONTENDED = 2;

export class SharedMutex {
  static readonly WORDS = 1;
  readonly buffer: SharedArrayBuffer;
  readonly index: number;
  private readonly word: Int32Array;

  /** The mutex in word `index` of `buffer`; a zeroed word is an unlocked mutex. */
  constructor(buffer: SharedArrayBuffer, index = 0) {
    this.word = sharedWords(buffer, index, SharedMutex.WORDS, 'SharedMutex');
    this.buffer = buffer;
    this.index = index;
  }

  static create(): SharedMutex {
    return new SharedMutex(new SharedArrayBuffer(SharedMutex.WORDS * 4));
  }

  lock(): void {
    let state = Atomics.compareExchange(this.word, 0, FREE, LOCKED);
    if (state === FREE) return;
    // Contended: announce a sleeper (2), then sleep while the word stays 2. Every wake is
    // only a hint, so take the lock by swapping in 2 and look at what was there: the lock
    // is ours only if it was free. Taking it as 2 (not 1) is conservative: another sleeper
    // may exist, and its wake-up must not be lost.
    if (state !== CONTENDED) state = Atomics.exchange(this.word, 0, CONTENDED);
    while (state !== FREE) {
      Atomics.wait(this.word, 0, CONTENDED);
      state = Atomics.exchange(this.word, 0, CONTENDED);
    }
  }

  tryLock(): boolean {
    return Atomics.compareExchange(this.word, 0, FREE, LOCKED) === FREE;
  }

  unlock(): void {
    const state = Atomics.exchange(this.word, 0, FREE);
    if (state === FREE) throw new Error('unlock of unlocked mutex');
    if (state === CONTENDED) Atomics.notify(this.word, 0, 1);
  }
}
