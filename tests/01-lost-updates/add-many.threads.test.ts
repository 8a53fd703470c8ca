// Experiment A with real threads: four workers share one Int32Array and start together
// behind a barrier. On two cores, `counter[i]++` from two threads interleaves its load,
// add and store, and increments vanish.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runWorkers } from '../../lib/workers/pool.ts';
import { expectNoLostUpdates } from '../support/lost-updates.ts';
import type { AddManyJob } from './add-many.worker.ts';

const entry = fileURLToPath(new URL('./add-many.worker.ts', import.meta.url));
const WORKERS = 4;

async function countWith(implementation: AddManyJob['implementation'], times: number) {
  const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  await runWorkers<AddManyJob, void>({
    entry,
    count: WORKERS,
    data: () => ({ counter: counter.buffer as SharedArrayBuffer, times, implementation }),
  });
  return counter[0]!;
}

describe('4 worker threads × 1,000,000 increments of one shared Int32 (experiment A)', () => {
  it('addMany ends at exactly 4,000,000', async () => {
    const times = 1_000_000;
    expectNoLostUpdates(await countWith('target', times), WORKERS * times, 'addMany in 4 workers');
  });

  // Proves the phenomenon is real on this machine, so the spec above can fail.
  it('demonstration: the naive counter[i]++ loses updates here', { retry: 2 }, async () => {
    const times = 5_000_000;
    const total = await countWith('naive', times);
    expect(total, 'no update was lost: did the workers run one after another?').toBeLessThan(
      WORKERS * times,
    );
  });
});
