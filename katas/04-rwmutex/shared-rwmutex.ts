// Experiment D, worker threads: a readers-writer lock over Int32 words of a
// SharedArrayBuffer. As it stands it is a Mutex wearing an RWMutex's API: rlock() takes the
// one exclusive lock, so readers shut each other out and reads never overlap. Make readers
// share the lock, writers exclusive, and writers preferred: once a writer waits, new
// readers wait behind it (Go: readerCount goes negative, readerWait counts who must leave).
//
// The lock lives in WORDS words at `index` in `buffer`; all zero must mean "unlocked".
import { sharedWords } from '../../lib/shared-memory/shared-words.ts';

export class SharedRWMutex {
  static readonly WORDS = 5;
  readonly buffer: SharedArrayBuffer;
  readonly index: number;
  private readonly words: Int32Array;

  constructor(buffer: SharedArrayBuffer, index = 0) {
    this.words = sharedWords(buffer, index, SharedRWMutex.WORDS, 'SharedRWMutex');
    this.buffer = buffer;
    this.index = index;
  }

  static create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(SharedRWMutex.WORDS * 4));
  }

  rlock(): void {
    this.lock();
  }

  runlock(): void {
    this.unlock();
  }

  lock(): void {
    while (Atomics.compareExchange(this.words, 0, 0, 1) !== 0) Atomics.wait(this.words, 0, 1);
  }

  unlock(): void {
    Atomics.store(this.words, 0, 0);
    Atomics.notify(this.words, 0, 1);
  }
}
