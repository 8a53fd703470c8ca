// What the readers-writer bookkeeping costs when nobody else wants the lock: BATCH
// uncontended acquire+release pairs per sample, your lock (katas/) next to the reference
// (solutions/) and the plain Mutex of kata 03. The contended read mixes, where an RWMutex
// can win, are in kata 05's compare-locks bench.
import { bench, describe } from 'vitest';
import { AsyncRWMutex as YourAsyncRWMutex } from '../../katas/04-rwmutex/async-rwmutex.ts';
import { SharedRWMutex as YourSharedRWMutex } from '../../katas/04-rwmutex/shared-rwmutex.ts';
import { AsyncMutex } from '../../solutions/03-mutex/async-mutex.ts';
import { SharedMutex } from '../../solutions/03-mutex/shared-mutex.ts';
import { AsyncRWMutex } from '../../solutions/04-rwmutex/async-rwmutex.ts';
import { SharedRWMutex } from '../../solutions/04-rwmutex/shared-rwmutex.ts';

const BATCH = 10_000;
const options = { time: 500, warmupTime: 100 };

function repeat(acquire: () => void, release: () => void): () => void {
  return () => {
    for (let i = 0; i < BATCH; i++) {
      acquire();
      release();
    }
  };
}

function repeatAsync(acquire: () => Promise<() => void>): () => Promise<void> {
  return async () => {
    for (let i = 0; i < BATCH / 10; i++) (await acquire())();
  };
}

describe(`one thread: ${BATCH.toLocaleString('en-US')} × acquire, release`, () => {
  const yours = YourSharedRWMutex.create();
  const reference = SharedRWMutex.create();
  const mutex = SharedMutex.create();
  bench(
    'your SharedRWMutex rlock',
    repeat(
      () => yours.rlock(),
      () => yours.runlock(),
    ),
    options,
  );
  bench(
    'your SharedRWMutex lock',
    repeat(
      () => yours.lock(),
      () => yours.unlock(),
    ),
    options,
  );
  bench(
    'SharedRWMutex rlock (reference)',
    repeat(
      () => reference.rlock(),
      () => reference.runlock(),
    ),
    options,
  );
  bench(
    'SharedRWMutex lock (reference)',
    repeat(
      () => reference.lock(),
      () => reference.unlock(),
    ),
    options,
  );
  bench(
    'SharedMutex lock (kata 03)',
    repeat(
      () => mutex.lock(),
      () => mutex.unlock(),
    ),
    options,
  );
});

describe(`event loop: ${(BATCH / 10).toLocaleString('en-US')} × await acquire, release`, () => {
  const yours = new YourAsyncRWMutex();
  const reference = new AsyncRWMutex();
  const mutex = new AsyncMutex();
  bench(
    'your AsyncRWMutex rlock',
    repeatAsync(() => yours.rlock()),
    options,
  );
  bench(
    'your AsyncRWMutex lock',
    repeatAsync(() => yours.lock()),
    options,
  );
  bench(
    'AsyncRWMutex rlock (reference)',
    repeatAsync(() => reference.rlock()),
    options,
  );
  bench(
    'AsyncRWMutex lock (reference)',
    repeatAsync(() => reference.lock()),
    options,
  );
  bench(
    'AsyncMutex lock (kata 03)',
    repeatAsync(() => mutex.lock()),
    options,
  );
});
