// The SharedRWMutex in one thread: its words, and the errors Go raises on misuse. (Nothing
// here may block: in one thread a wait would never end.)
import { SharedRWMutex } from '@target/04-rwmutex/shared-rwmutex';
import { describe, expect, it } from 'vitest';
import { expectRefused } from '../support/misuse.ts';
import { expectWordRangeChecks } from '../support/word-range.ts';

describe('SharedRWMutex (one thread)', () => {
  it('lives in WORDS words inside a bigger buffer, and leaves its neighbours alone', () => {
    const words = SharedRWMutex.WORDS;
    const buffer = new SharedArrayBuffer((words + 2) * Int32Array.BYTES_PER_ELEMENT);
    const all = new Int32Array(buffer);
    all[0] = 7;
    all[words + 1] = 9;
    const rw = new SharedRWMutex(buffer, 1);
    for (let round = 0; round < 3; round++) {
      rw.rlock();
      rw.runlock();
      rw.lock();
      rw.unlock();
    }
    expect([all[0], all[words + 1]], 'the lock wrote outside its own words').toEqual([7, 9]);
    expect([...all.subarray(1, words + 1)], 'an unlocked lock must be all zeros again').toEqual(
      new Array(words).fill(0),
    );
  });

  it('refuses a buffer that threads cannot share, and words outside the buffer', () => {
    expectWordRangeChecks(
      (buffer, index) => new SharedRWMutex(buffer, index),
      SharedRWMutex.WORDS,
      'SharedRWMutex',
    );
  });

  it('unlocking or read-unlocking an unlocked lock is an error, as in Go', () => {
    const rw = SharedRWMutex.create();
    expectRefused(() => rw.unlock(), 'unlock()', 'nobody holds', /unlock of unlocked RWMutex/);
    expectRefused(
      () => rw.runlock(),
      'runlock()',
      'nobody holds',
      /runlock of unlocked RWMutex/,
      'read',
    );
    rw.rlock();
    rw.runlock();
    expectRefused(
      () => rw.runlock(),
      'a second runlock()',
      'its only reader left',
      /runlock of unlocked RWMutex/,
      'read',
    );
    rw.lock();
    rw.unlock();
    expectRefused(
      () => rw.unlock(),
      'a second unlock()',
      'just released',
      /unlock of unlocked RWMutex/,
    );
    // The failed calls must not have damaged it.
    rw.lock();
    rw.unlock();
  });

  it('read-unlock while a writer holds it, and unlock while readers hold it, are errors too', () => {
    const rw = SharedRWMutex.create();
    const words = new Int32Array(rw.buffer);
    rw.lock();
    expectRefused(
      () => rw.runlock(),
      'runlock()',
      'only a writer holds',
      /runlock of unlocked RWMutex/,
      'writer',
    );
    rw.unlock();
    rw.rlock();
    expectRefused(
      () => rw.unlock(),
      'unlock()',
      'only a reader holds',
      /unlock of unlocked RWMutex/,
      'reader',
    );
    rw.runlock();
    expect([...words], 'a refused call changed the lock: it is not all zeros again').toEqual(
      new Array(SharedRWMutex.WORDS).fill(0),
    );
  });
});
