// Experiment B with real threads: four workers write disjoint keys into one SharedHashMap,
// starting together behind a barrier. The keys collide on purpose (see colliding-writes.ts),
// so the unguarded map loses keys on every run; the detector must turn that into an error.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../lib/shared-memory/shared-hash-map.ts';
import { type Settled, startWorkerPool, type WorkerPool } from '../../lib/workers/pool.ts';
import { expectIntactMap } from '../support/map-audit.ts';
import { allWriterKeys, mapWithTombstones, WRITERS } from './colliding-writes.ts';
import type { WritersRound } from './writers.worker.ts';

const entry = fileURLToPath(new URL('./writers.worker.ts', import.meta.url));
const count = (n: number) => n.toLocaleString('en-US');
let pool: WorkerPool<WritersRound, void>;

beforeAll(async () => {
  pool = await startWorkerPool<undefined, WritersRound, void>({
    entry,
    count: WRITERS,
    data: () => undefined,
    timeoutMs: 10_000,
  });
});
afterAll(() => pool?.close());

const errorsOf = (outcomes: Settled<void>[]): Error[] =>
  outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
const isDetection = (error: Error) => error.name === 'ConcurrentMapWritesError';

describe(`${WRITERS} workers write disjoint keys into one shared map (experiment B)`, () => {
  it('CheckedMap without a lock: a writer fails with ConcurrentMapWritesError', {
    retry: 2,
  }, async () => {
    const map = mapWithTombstones();
    const outcomes = await pool.runSettled({ map: map.buffer, through: 'checked-map' });
    const errors = errorsOf(outcomes);
    expect(errors.filter((error) => !isDetection(error))).toEqual([]);
    const detections = errors.filter(isDetection);
    const report = audit(map, allWriterKeys());
    expect(
      detections.length,
      `concurrent map writes went undetected: ${WRITERS} writers ran at once, and the audit ` +
        `found ${count(report.missing)} of ${count(allWriterKeys().length)} keys missing ` +
        `(the size word says ${count(report.size)})`,
    ).toBeGreaterThan(0);
    expect(detections[0]!.message).toMatch(/concurrent map writes/);
  });

  it('CheckedMap with one SharedMutex around each write: no false alarm, no lost key', async () => {
    const map = mapWithTombstones();
    const lock = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    await pool.run({ map: map.buffer, through: 'checked-map', lock });
    expectIntactMap(map, allWriterKeys(), `${WRITERS} writers serialized by a SharedMutex`);
  });

  // What the detector is for: without it the same writes corrupt the map and nobody knows.
  it('demonstration: the bare map loses keys silently', { retry: 2 }, async () => {
    const map = mapWithTombstones();
    await pool.run({ map: map.buffer, through: 'bare-map' });
    const report = audit(map, allWriterKeys());
    console.log(`bare map after ${WRITERS} unsynchronized writers: ${JSON.stringify(report)}`);
    expect(
      report.missing + report.duplicates,
      'no key was lost: did the writers run one after another?',
    ).toBeGreaterThan(0);
  });
});
