// The SharedMutex in one thread: its word, tryLock, and the error Go raises on misuse.
import { SharedMutex } from '@target/03-mutex/shared-mutex';
import { describe, expect, it } from 'vitest';

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

  it('unlock of an unlocked mutex is an error, as in Go', () => {
    const mutex = SharedMutex.create();
    expect(() => mutex.unlock()).toThrow(/unlock of unlocked mutex/);
    mutex.lock();
    mutex.unlock();
    expect(() => mutex.unlock(), 'a second unlock must fail too').toThrow(
      /unlock of unlocked mutex/,
    );
  });
});
