// Experiment C with real threads: four workers share one SharedHashMap, and every access
// goes through one SharedMutex, rebuilt in each worker from (buffer, index). Workers start
// together behind a barrier. A lock that loses a wake-up leaves a worker asleep for ever,
// so every round is bounded: it fails with "did not finish" instead of hanging.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SharedMutex } from '@target/03-mutex/shared-mutex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { startWorkerPool, type WorkerPool } from '../../lib/workers/pool.ts';
import { expectNoLostUpdates } from '../support/lost-updates.ts';
import { expectIntactMap } from '../support/map-audit.ts';
import {
  type LockedMapJob,
  type LockedMapResult,
  type LockedMapRound,
  SCRATCH,
  SCRATCH_WORDS,
} from './locked-map.layout.ts';

const entry = fileURLToPath(new URL('./locked-map.worker.ts', import.meta.url));
const WORKERS = 4;
const KEYS_PER_WORKER = 12_500;
// Enough that unlocked workers overlap on 2 cores every run (each round takes ~0.1 s locked).
const INCREMENTS_PER_WORKER = 300_000;

const map = SharedHashMap.create();
const scratch = new SharedArrayBuffer(SCRATCH_WORDS * Int32Array.BYTES_PER_ELEMENT);
const words = new Int32Array(scratch);
let pool: WorkerPool<LockedMapRound, LockedMapResult>;

beforeAll(async () => {
  pool = await startWorkerPool<LockedMapJob, LockedMapRound, LockedMapResult>({
    entry,
    count: WORKERS,
    data: () => ({ map: map.buffer, scratch }),
    timeoutMs: 3_000,
  });
});
afterAll(() => pool?.close());

function expectOneInside(results: LockedMapResult[]): void {
  const most = Math.max(...results.map((result) => result.maxInside));
  expect(most, `${most} threads were inside the lock at once`).toBe(1);
}

describe('4 workers, one SharedHashMap, one SharedMutex (experiment C)', () => {
  it('4 × 12,500 distinct inserts leave the map intact: 50,000 keys', async () => {
    const results = await pool.run((worker) => ({
      kind: 'insert',
      firstKey: worker * KEYS_PER_WORKER,
      count: KEYS_PER_WORKER,
    }));
    const keys = Array.from({ length: WORKERS * KEYS_PER_WORKER }, (_, key) => key);
    expectIntactMap(map, keys, `${WORKERS} workers inserting under the mutex`);
    expectOneInside(results);
  });

  it('lets one thread in at a time: a plain counter++ under the lock loses nothing', async () => {
    words[SCRATCH.plainCounter] = 0;
    expectOneInside(await pool.run({ kind: 'exclusion', times: INCREMENTS_PER_WORKER }));
    expectNoLostUpdates(
      words[SCRATCH.plainCounter]!,
      WORKERS * INCREMENTS_PER_WORKER,
      `${WORKERS} workers, counter++ under the mutex`,
    );
  });

  // Several sleepers: each unlock must wake the next, or the others sleep for ever.
  it('wakes every worker asleep in lock(), one after another, once the holder unlocks', async () => {
    const sleepers = WORKERS - 1;
    const mutex = new SharedMutex(scratch, SCRATCH.lock);
    words[SCRATCH.aboutToLock] = 0;
    mutex.lock();
    let settled = false;
    const round = pool.run({ kind: 'wait-for-host', sleepers }).finally(() => {
      settled = true;
    });
    round.catch(() => {}); // awaited below; this only keeps the rejection handled meanwhile
    // Give the workers time to fall asleep in lock(). The round's own bound ends this wait.
    while (!settled && Atomics.load(words, SCRATCH.aboutToLock) < sleepers) await sleep(5);
    await sleep(100);
    mutex.unlock();
    await round;
  });
});
