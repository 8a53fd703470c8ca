// Experiment D with real threads: four workers share one SharedRWMutex, rebuilt in each
// from (buffer, index), and start together behind a barrier. Step flags in shared memory
// orchestrate who arrives when. Every round is bounded: a lock that never wakes a waiter
// fails with "did not finish" instead of hanging.
import { fileURLToPath } from 'node:url';
import { SharedRWMutex } from '@target/04-rwmutex/shared-rwmutex';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWorkerPool, type WorkerPool } from '../../lib/workers/pool.ts';
import {
  ROLES,
  type RWMutexJob,
  type RWMutexResult,
  type RWMutexRound,
  SCRATCH,
  WORKERS,
} from './rwmutex.layout.ts';

const entry = fileURLToPath(new URL('./rwmutex.worker.ts', import.meta.url));
const scratch = new SharedArrayBuffer((SCRATCH.lock + SharedRWMutex.WORDS) * 4);
const words = new Int32Array(scratch);
let pool: WorkerPool<RWMutexRound, RWMutexResult>;

beforeAll(async () => {
  pool = await startWorkerPool<RWMutexJob, RWMutexRound, RWMutexResult>({
    entry,
    count: WORKERS,
    data: () => ({ scratch }),
    timeoutMs: 4_000,
  });
});
afterAll(() => pool?.close());
// Fresh counters and flags for every round; the lock's own words stay as the last round left them.
beforeEach(() => words.fill(0, 0, SCRATCH.lock));

const byRole = (kind: RWMutexRound['kind'], results: RWMutexResult[], role: string) =>
  results.filter((_, index) => ROLES[kind][index] === role);

describe('4 workers, one SharedRWMutex (experiment D)', () => {
  it('lets readers overlap', async () => {
    const results = await pool.run({ kind: 'overlap', patienceMs: 1_000 });
    const most = Math.max(...results.map((result) => result.mostReaders));
    expect(
      most,
      'readers never overlapped: each waited 1 s for the other inside (a Mutex in disguise)',
    ).toBeGreaterThanOrEqual(2);
  });

  it('a writer excludes readers and writers: nobody is inside with it', async () => {
    const times = 20_000;
    const results = await pool.run({ kind: 'exclusion', times });
    const violations = results.reduce((sum, result) => sum + result.violations, 0);
    expect(violations, `${violations} times a writer was inside together with someone`).toBe(0);
    expect(words[SCRATCH.plainCounter], 'writers lost updates of a plain counter').toBe(2 * times);
  });

  it('a writer waits for every reader that is already inside', async () => {
    const results = await pool.run({ kind: 'preference', settleMs: 50 });
    const [writer] = byRole('preference', results, 'writer');
    expect(
      writer!.violations,
      'the writer got in while a reader still held the lock: it changed the data under the reader',
    ).toBe(0);
  });

  it('prefers writers: a reader that arrives after a waiting writer goes after it', {
    retry: 2,
  }, async () => {
    const results = await pool.run({ kind: 'preference', settleMs: 100 });
    const [writer] = byRole('preference', results, 'writer');
    const [late] = byRole('preference', results, 'late reader');
    expect(
      writer!.ticket,
      'a reader that arrived while a writer waited got in first: readers can starve writers',
    ).toBeLessThan(late!.ticket);
  });

  it('does not starve a writer under a continuous stream of overlapping readers', async () => {
    const streamMs = 1_000;
    const results = await pool.run({ kind: 'stream', streamMs, askAfterReads: 20 });
    const [writer] = byRole('stream', results, 'writer');
    const overtaking = writer!.readsWhenGranted - writer!.readsWhenAsked;
    expect(
      writer!.streamOver,
      `the writer starved: it waited through the whole ${streamMs.toLocaleString('en-US')} ms stream of readers ` +
        `(${overtaking.toLocaleString('en-US')} reads went in while it waited)`,
    ).toBe(false);
  });

  it('admits every reader that queued behind a writer, together, when it unlocks', async () => {
    const results = await pool.run({ kind: 'queued', settleMs: 50, patienceMs: 1_000 });
    const seen = byRole('queued', results, 'reader').map((reader) => reader.mostReaders);
    expect(
      Math.min(...seen),
      `readers that queued behind a writer came in one at a time (each saw ${seen.join(', ')} inside)`,
    ).toBe(seen.length);
  });
});
