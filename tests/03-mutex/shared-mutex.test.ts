// The SharedMutex in one thread: its word, tryLock, and the error Go raises on misuse.
import { SharedMutex } from '@target/03-mutex/shared-mutex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectRefused } from '../support/misuse.ts';
import { expectWordRangeChecks } from '../support/word-range.ts';

const FREE = 0;
const LOCKED = 1;
const CONTENDED = 2;

describe('SharedMutex (one thread)', () => {
  it('tryLock takes a free lock and refuses a held one', () => {
    const mutex = SharedMutex.create();
    expect(mutex.tryLock(), 'tryLock on a fresh mutex must succeed').toBe(true);
    expect(mutex.tryLock(), 'tryLock succeeded while the lock was held').toBe(false);
    mutex.unlock();
    expect(mutex.tryLock(), 'unlock did not free the lock').toBe(true);
    mutex.unlock();
  });

  it('is one word inside a bigger buffer, seen by every view built from (buffer, index)', () => {
    const buffer = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const words = new Int32Array(buffer);
    words.set([7, 0, 9]);
    const mine = new SharedMutex(buffer, 1);
    const theirs = new SharedMutex(buffer, 1);
    mine.lock();
    expect(theirs.tryLock(), 'another view of the same word did not see the lock').toBe(false);
    mine.unlock();
    expect(theirs.tryLock()).toBe(true);
    theirs.unlock();
    expect([words[0], words[2]], 'the mutex wrote outside its own word').toEqual([7, 9]);
  });

  it('refuses a buffer that threads cannot share, and a word outside the buffer', () => {
    expectWordRangeChecks((buffer, index) => new SharedMutex(buffer, index), 1, 'SharedMutex');
  });

  it('unlock of an unlocked mutex is an error, as in Go', () => {
    const mutex = SharedMutex.create();
    expectRefused(() => mutex.unlock(), 'unlock()', 'nobody holds', /unlock of unlocked mutex/);
    mutex.lock();
    mutex.unlock();
    expectRefused(
      () => mutex.unlock(),
      'a second unlock()',
      'just released',
      /unlock of unlocked mutex/,
    );
  });

  // The README's three states, and its claim that only an unlock that finds 2 notifies.
  describe('the word: 0 free, 1 locked, 2 locked with a possible sleeper', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('an uncontended lock and unlock go 0 → 1 → 0 and never call Atomics.notify', () => {
      const notify = vi.spyOn(Atomics, 'notify');
      const mutex = SharedMutex.create();
      const word = new Int32Array(mutex.buffer);
      mutex.lock();
      expect(word[0], 'an uncontended lock() must leave the word at 1').toBe(LOCKED);
      mutex.unlock();
      expect(word[0], 'unlock() must leave the word at 0').toBe(FREE);
      expect(mutex.tryLock()).toBe(true);
      expect(word[0], 'tryLock() must leave the word at 1').toBe(LOCKED);
      mutex.unlock();
      expect(notify, 'an uncontended unlock paid for Atomics.notify').not.toHaveBeenCalled();
    });

    it('an unlock that finds 2 frees the word and wakes exactly one sleeper', () => {
      const notify = vi.spyOn(Atomics, 'notify');
      const mutex = SharedMutex.create();
      const word = new Int32Array(mutex.buffer);
      word[0] = CONTENDED; // held, and another thread announced that it sleeps
      expect(mutex.tryLock(), 'tryLock took a lock held by someone else').toBe(false);
      mutex.unlock();
      expect(word[0]).toBe(FREE);
      expect(notify, 'the sleeper was not woken: a lost wake-up').toHaveBeenCalledTimes(1);
      expect(notify.mock.calls[0]!.slice(1), 'wake one sleeper, on the lock word').toEqual([0, 1]);
    });
  });
});
