// Compare the locks (experiments C, D and E in numbers). The same workloads run on a
// SharedHashMap behind one SharedMutex, behind one SharedRWMutex, and on the StripedMap:
// the course's 50,000 inserts by 4 writers, then 2 workers at 0 %, 90 % and 99 % reads.
// Then, on the event loop, a plain Map against AsyncMutex and AsyncRWMutex. Workers stay
// alive across iterations, so spawning is not measured. Each worker stamps its start (after
// the barrier) and its end; the summary table divides the operations by the time from the
// first start to the last end.
// The locks and the map come through the kata switch: yours by default, the reference with
// KATA_TARGET=solutions.
import { fileURLToPath } from 'node:url';
import { AsyncMutex } from '@target/03-mutex/async-mutex';
import { AsyncRWMutex } from '@target/04-rwmutex/async-rwmutex';
import { SharedRWMutex } from '@target/04-rwmutex/shared-rwmutex';
import { StripedMap } from '@target/05-concurrent-map/striped-map';
import Table from 'cli-table3';
import { afterAll, bench, describe } from 'vitest';
import { seededRandom } from '../../lib/random.ts';
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { startWorkerPool, type WorkerPool } from '../../lib/workers/pool.ts';
import { concurrently } from '../support/concurrently.ts';
import {
  type CompareResult,
  type CompareRound,
  type Guard,
  guards,
  type Workload,
} from './compare-locks.rounds.ts';

const entry = fileURLToPath(new URL('./compare-locks.worker.ts', import.meta.url));
const INSERTS = 50_000;
const KEYS = 10_000;
const OPS = 200_000;
const TIME = { time: 1_000 };

/** Operations and time per (workload, guard), summed over the rounds the bench ran. */
const measured = new Map<string, Map<string, { ops: number; ms: number }>>();
function record(workload: string, guard: string, ops: number, ms: number): void {
  const row = measured.get(workload) ?? new Map<string, { ops: number; ms: number }>();
  const sum = row.get(guard) ?? { ops: 0, ms: 0 };
  row.set(guard, { ops: sum.ops + ops, ms: sum.ms + ms });
  measured.set(workload, row);
}

/** A fresh map for `guard`, holding keys 0 … `preload` − 1. */
function mapFor(guard: Guard, preload: number): SharedArrayBuffer {
  const map = guard === 'StripedMap' ? StripedMap.create() : SharedHashMap.create();
  for (let key = 0; key < preload; key++) map.set(key, key);
  return map.buffer;
}

let pool: WorkerPool<CompareRound, CompareResult> | undefined;
async function workers(): Promise<WorkerPool<CompareRound, CompareResult>> {
  pool ??= await startWorkerPool<undefined, CompareRound, CompareResult>({
    entry,
    count: 4,
    data: () => undefined,
  });
  return pool;
}

async function round(
  label: string,
  guard: Guard,
  count: number,
  workload: Workload,
  map: SharedArrayBuffer,
) {
  const lock = new SharedArrayBuffer(Math.max(1, SharedRWMutex.WORDS) * 4);
  const results = await (await workers()).run({ guard, map, lock, workers: count, workload });
  const active = results.filter((result) => result.ops > 0);
  const ops = active.reduce((sum, result) => sum + result.ops, 0);
  // From the first worker's start to the last one's end: workers that the scheduler ran one
  // after another count as serial, as they were.
  const span =
    Math.max(...active.map((result) => result.endedAt)) -
    Math.min(...active.map((result) => result.startedAt));
  record(label, guard, ops, span);
}

const insertLabel = `4 workers × ${(INSERTS / 4).toLocaleString('en-US')} inserts`;
describe(insertLabel, () => {
  for (const guard of guards) {
    bench(
      guard,
      () =>
        round(insertLabel, guard, 4, { kind: 'insert', perWorker: INSERTS / 4 }, mapFor(guard, 0)),
      TIME,
    );
  }
});

for (const readShare of [0, 0.9, 0.99]) {
  const label = `2 workers, ${readShare * 100} % reads`;
  describe(label, () => {
    for (const guard of guards) {
      const map = mapFor(guard, KEYS);
      bench(
        guard,
        () => round(label, guard, 2, { kind: 'mixed', ops: OPS, readShare, keys: KEYS }, map),
        TIME,
      );
    }
  });
}

// One thread: no lock is needed, since nothing runs between two awaits but this task.
const TASKS = 50;
const EACH = 200;
const eventLoopLabel = `event loop: ${TASKS} tasks × ${EACH} ops, 90 % reads`;
const eventLoop: Record<
  string,
  (map: Map<number, number>, key: number, read: boolean) => Promise<unknown>
> = {
  'Map, no lock': async (map, key, read) => {
    await null;
    return read ? map.get(key) : map.set(key, key);
  },
  AsyncMutex: (() => {
    const mutex = new AsyncMutex();
    return (map, key, read) => mutex.runExclusive(() => (read ? map.get(key) : map.set(key, key)));
  })(),
  AsyncRWMutex: (() => {
    const rw = new AsyncRWMutex();
    return (map, key, read) =>
      read ? rw.runRead(() => map.get(key)) : rw.runWrite(() => map.set(key, key));
  })(),
};
describe(eventLoopLabel, () => {
  for (const [name, op] of Object.entries(eventLoop)) {
    bench(
      name,
      async () => {
        const map = new Map<number, number>();
        const random = seededRandom(7);
        const started = performance.now();
        await concurrently(TASKS, EACH, () =>
          op(map, Math.floor(random() * 1_000), random() < 0.9),
        );
        record(eventLoopLabel, name, TASKS * EACH, performance.now() - started);
      },
      TIME,
    );
  }
});

afterAll(async () => {
  await pool?.close();
  const table = new Table({
    head: ['workload', 'guard', 'ops/s', '× one lock'],
    style: { head: [], border: [] },
  });
  for (const [workload, row] of measured) {
    const rate = (guard: string) => {
      const sum = row.get(guard);
      return sum && sum.ms > 0 ? (sum.ops / sum.ms) * 1000 : Number.NaN;
    };
    // The baseline: one exclusive lock for the whole map.
    const baseline = rate(row.has('SharedMutex') ? 'SharedMutex' : 'AsyncMutex');
    for (const guard of row.keys()) {
      table.push([
        workload,
        guard,
        Math.round(rate(guard)).toLocaleString('en-US'),
        `${(rate(guard) / baseline).toFixed(2)}×`,
      ]);
    }
  }
  console.log(`\ncompare the locks (${process.env.KATA_TARGET || 'katas'}):\n${table.toString()}`);
});
