// A writer-preferring readers-writer lock for worker threads, after Go's sync.RWMutex.
// A writer first takes a plain mutex (one writer at a time), then subtracts MAX_READERS
// from readerCount: the count turns negative, and every reader that arrives from then on
// sees it and sleeps on readerSem. The readers that were already inside are counted into
// readerWait; the last of them to leave wakes the writer on writerSem.
import { sharedWords } from '../../lib/shared-memory/shared-words.ts';
import { SharedMutex } from '../03-mutex/shared-mutex.ts';

const MAX_READERS = 1 << 30;

// Word offsets from `index`. All zero: unlocked, nobody waiting.
const WRITER_LOCK = 0;
const WRITER_SEM = 1;
const READER_SEM = 2;
const READER_COUNT = 3;
const READER_WAIT = 4;

export class SharedRWMutex {
  static readonly WORDS = 5;
  readonly buffer: SharedArrayBuffer;
  readonly index: number;
  private readonly words: Int32Array;
  private readonly writers: SharedMutex;

  constructor(buffer: SharedArrayBuffer, index = 0) {
    this.words = sharedWords(buffer, index, SharedRWMutex.WORDS, 'SharedRWMutex');
    this.writers = new SharedMutex(buffer, index + WRITER_LOCK);
    this.buffer = buffer;
    this.index = index;
  }

  static create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(SharedRWMutex.WORDS * 4));
  }

  rlock(): void {
    // Negative: a writer holds the lock or waits for it. Writer preference: wait behind it.
    if (Atomics.add(this.words, READER_COUNT, 1) + 1 < 0) this.acquire(READER_SEM);
  }

  runlock(): void {
    const readers = Atomics.sub(this.words, READER_COUNT, 1) - 1;
    if (readers >= 0) return;
    if (readers + 1 === 0 || readers + 1 === -MAX_READERS) {
      Atomics.add(this.words, READER_COUNT, 1);
      throw new Error('runlock of unlocked RWMutex');
    }
    // A writer is waiting: the last reader that was inside before it came wakes it.
    if (Atomics.sub(this.words, READER_WAIT, 1) - 1 === 0) this.release(WRITER_SEM, 1);
  }

  lock(): void {
    this.writers.lock();
    // Announce the writer; `active` readers were inside already, and it waits for them.
    const active = Atomics.sub(this.words, READER_COUNT, MAX_READERS);
    if (active !== 0 && Atomics.add(this.words, READER_WAIT, active) + active !== 0) {
      this.acquire(WRITER_SEM);
    }
  }

  unlock(): void {
    const blocked = Atomics.add(this.words, READER_COUNT, MAX_READERS) + MAX_READERS;
    if (blocked >= MAX_READERS) {
      Atomics.sub(this.words, READER_COUNT, MAX_READERS);
      throw new Error('unlock of unlocked RWMutex');
    }
    // Admit every reader that queued behind this writer, then let the next writer in.
    if (blocked > 0) this.release(READER_SEM, blocked);
    this.writers.unlock();
  }

  /** Semaphore down on one word: take a permit, or sleep while there are none. */
  private acquire(at: number): void {
    for (;;) {
      const permits = Atomics.load(this.words, at);
      if (permits > 0) {
        if (Atomics.compareExchange(this.words, at, permits, permits - 1) === permits) return;
      } else {
        Atomics.wait(this.words, at, permits);
      }
    }
  }

  private release(at: number, permits: number): void {
    Atomics.add(this.words, at, permits);
    Atomics.notify(this.words, at, permits);
  }
}
