// Experiment C, worker threads: a mutex over one Int32 word of a SharedArrayBuffer, so that
// four workers can share one SharedHashMap. As it stands, lock() and unlock() do nothing:
// the map is as unprotected as in experiment B. Make it a real lock.
//
// The word lives at `index` in `buffer`, and a word of 0 must mean "unlocked": a worker
// rebuilds the same mutex with `new SharedMutex(buffer, index)`.
import { sharedWords } from '../../lib/shared-memory/shared-words.ts';

export class SharedMutex {
  static readonly WORDS = 1;
  readonly buffer: SharedArrayBuffer;
  readonly index: number;
  private readonly word: Int32Array;

  constructor(buffer: SharedArrayBuffer, index = 0) {
    this.word = sharedWords(buffer, index, SharedMutex.WORDS, 'SharedMutex');
    this.buffer = buffer;
    this.index = index;
  }

  static create(): SharedMutex {
    return new SharedMutex(new SharedArrayBuffer(SharedMutex.WORDS * 4));
  }

  /** Blocks until this thread owns the lock. */
  lock(): void {
    // TODO: wait here while another thread holds the lock (Atomics.wait sleeps a worker).
    this.word[0] = 1;
  }

  /** Takes the lock if it is free, without waiting; true if it is now ours. */
  tryLock(): boolean {
    this.word[0] = 1;
    return true;
  }

  /** Releases the lock and wakes a waiter, if any. Unlocking an unlocked mutex is a bug. */
  unlock(): void {
    this.word[0] = 0;
  }
}
