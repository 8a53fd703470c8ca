// What a lock costs when nobody else wants it: BATCH uncontended lock+unlock pairs per
// sample, so the bench loop's own overhead hardly counts. Your locks (katas/) run next to
// the reference (solutions/), a well-known library, and the floor: the least code that
// could possibly be a lock. On the stubs, "yours" does nothing and looks free.
import { Mutex } from 'async-mutex';
import { bench, describe } from 'vitest';
import { AsyncMutex as YourAsyncMutex } from '../../katas/03-mutex/async-mutex.ts';
import { SharedMutex as YourSharedMutex } from '../../katas/03-mutex/shared-mutex.ts';
import { AsyncMutex } from '../../solutions/03-mutex/async-mutex.ts';
import { SharedMutex } from '../../solutions/03-mutex/shared-mutex.ts';
import { PromiseQueueLock } from './promise-queue-lock.ts';

const BATCH = 1_000;
const options = { time: 500, warmupTime: 100 };

interface Lockable {
  lock(): Promise<() => void>;
}

async function lockUnlock(lock: Lockable): Promise<void> {
  for (let i = 0; i < BATCH; i++) (await lock.lock())();
}

async function runExclusive(run: (fn: () => void) => Promise<void>): Promise<void> {
  for (let i = 0; i < BATCH; i++) await run(() => {});
}

describe(`event loop: ${BATCH.toLocaleString('en-US')} × await lock(), release()`, () => {
  const yours = new YourAsyncMutex();
  const reference = new AsyncMutex();
  const library = new Mutex();
  const floor = new PromiseQueueLock();
  bench('your AsyncMutex', () => lockUnlock(yours), options);
  bench('AsyncMutex (reference)', () => lockUnlock(reference), options);
  bench('async-mutex (npm) acquire', () => lockUnlock({ lock: () => library.acquire() }), options);
  bench('promise-queue lock (floor)', () => lockUnlock(floor), options);
});

describe(`event loop: ${BATCH.toLocaleString('en-US')} × await runExclusive(fn)`, () => {
  const yours = new YourAsyncMutex();
  const reference = new AsyncMutex();
  const library = new Mutex();
  const floor = new PromiseQueueLock();
  bench('your AsyncMutex', () => runExclusive((fn) => yours.runExclusive(fn)), options);
  bench('AsyncMutex (reference)', () => runExclusive((fn) => reference.runExclusive(fn)), options);
  bench('async-mutex (npm)', () => runExclusive((fn) => library.runExclusive(fn)), options);
  bench(
    'promise-queue lock (floor)',
    () =>
      runExclusive(async (fn) => {
        const release = await floor.lock();
        try {
          fn();
        } finally {
          release();
        }
      }),
    options,
  );
});

describe(`one thread: ${(BATCH * 10).toLocaleString('en-US')} × lock(), unlock()`, () => {
  const yours = YourSharedMutex.create();
  const reference = SharedMutex.create();
  const word = new Int32Array(new SharedArrayBuffer(4));
  bench(
    'your SharedMutex',
    () => {
      for (let i = 0; i < BATCH * 10; i++) {
        yours.lock();
        yours.unlock();
      }
    },
    options,
  );
  bench(
    'SharedMutex (reference)',
    () => {
      for (let i = 0; i < BATCH * 10; i++) {
        reference.lock();
        reference.unlock();
      }
    },
    options,
  );
  bench(
    'compareExchange + store (floor)',
    () => {
      for (let i = 0; i < BATCH * 10; i++) {
        Atomics.compareExchange(word, 0, 0, 1);
        Atomics.store(word, 0, 0);
      }
    },
    options,
  );
});
