// What atomicity costs. Threads: 1 and 2 workers, each adding TIMES per round; workers stay
// alive across rounds so spawning is not measured. Event loop: 50 tasks × 20 increments
// through the simulated store (every operation one event-loop round trip).
import { fileURLToPath } from 'node:url';
import { Mutex } from 'async-mutex';
import { afterAll, bench, describe } from 'vitest';
import { increment as learnerIncrement } from '../../katas/01-lost-updates/increment.ts';
import { type AtomicStore, SimulatedStore } from '../../lib/store/async-store.ts';
import { startWorkerPool, type WorkerPool } from '../../lib/workers/pool.ts';
import {
  incrementWithRetry,
  increment as referenceIncrement,
} from '../../solutions/01-lost-updates/increment.ts';
import { concurrently } from '../support/concurrently.ts';
import {
  type CountingRound,
  type CountingStrategy,
  countingStrategies,
} from './counting-strategies.ts';

const TIMES = 1_000_000;
const entry = fileURLToPath(new URL('./counting.worker.ts', import.meta.url));
const pools: WorkerPool<CountingRound, void>[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.close())));

for (const workers of [1, 2]) {
  describe(`${workers} worker(s) × ${TIMES.toLocaleString('en-US')} adds per round`, async () => {
    const counter = new SharedArrayBuffer(4);
    const pool = await startWorkerPool<{ counter: SharedArrayBuffer }, CountingRound, void>({
      entry,
      count: workers,
      data: () => ({ counter }),
    });
    pools.push(pool);
    for (const strategy of Object.keys(countingStrategies) as CountingStrategy[]) {
      bench(strategy, () => pool.run({ strategy, times: TIMES }).then(() => undefined), {
        time: 400,
      });
    }
  });
}

const TASKS = 50;
const EACH = 20;
const mutex = new Mutex();
const strategiesOnTheEventLoop: Record<string, (store: AtomicStore) => Promise<void>> = {
  'your increment': (store) => learnerIncrement(store, 'n'),
  'get then set (loses updates)': async (store) => {
    await store.set('n', (await store.get('n')) + 1);
  },
  'incr (reference)': (store) => referenceIncrement(store, 'n'),
  'CAS retry loop': (store) => incrementWithRetry(store, 'n'),
  'get/set under async-mutex': (store) =>
    mutex.runExclusive(async () => store.set('n', (await store.get('n')) + 1)),
};

describe(`event loop: ${TASKS} tasks × ${EACH} increments`, () => {
  for (const [name, incrementOnce] of Object.entries(strategiesOnTheEventLoop)) {
    bench(
      name,
      () => {
        const store = new SimulatedStore();
        return concurrently(TASKS, EACH, () => incrementOnce(store));
      },
      { time: 400 },
    );
  }
});
