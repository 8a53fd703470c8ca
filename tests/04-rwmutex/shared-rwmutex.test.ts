// The SharedRWMutex in one thread: its words, and the errors Go raises on misuse. (Nothing
// here may block: in one thread a wait would never end.)
import { SharedRWMutex } from '@target/04-rwmutex/shared-rwmutex';
import { describe, expect, it, vi } from 'vitest';
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

  // README: the readers inside are counted into readerWait after readerCount turns negative.
  // Here the one reader inside leaves in between, at the step the writer's announcement makes
  // readerCount negative, as a reader on another thread may. Nobody is left to wake the writer.
  it('a writer whose readers all leave while it announces itself does not sleep', () => {
    const READER_COUNT = 3;
    const rw = SharedRWMutex.create();
    const reader = new SharedRWMutex(rw.buffer); // the reader's thread, on the same words
    const words = new Int32Array(rw.buffer);
    reader.rlock();
    let writing = false;
    let left = false;
    const leaveOnce = () => {
      if (writing && !left && words[READER_COUNT]! < 0) {
        left = true;
        reader.runlock();
      }
    };
    const { add, sub } = Atomics;
    vi.spyOn(Atomics, 'add').mockImplementation(((...args: Parameters<typeof add>) => {
      const old = add(...args);
      leaveOnce();
      return old;
    }) as typeof add);
    vi.spyOn(Atomics, 'sub').mockImplementation(((...args: Parameters<typeof sub>) => {
      const old = sub(...args);
      leaveOnce();
      return old;
    }) as typeof sub);
    vi.spyOn(Atomics, 'wait').mockImplementation(() => {
      throw new Error('Atomics.wait');
    });
    let slept = false;
    try {
      writing = true;
      rw.lock();
    } catch {
      slept = true;
    } finally {
      writing = false;
      vi.restoreAllMocks();
    }
    expect(
      left,
      "the writer never made readerCount negative: announce it as Go's RWMutex does",
    ).toBe(true);
    expect(
      slept,
      'the writer went to sleep though every reader inside had left before it counted them: nobody will wake it (a lost wake-up)',
    ).toBe(false);
    rw.unlock();
    expect([...words], 'the lock is not all zeros again').toEqual(
      new Array(SharedRWMutex.WORDS).fill(0),
    );
  });
});
