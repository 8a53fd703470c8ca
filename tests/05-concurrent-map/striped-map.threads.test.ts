// Experiment E with real threads: four workers share one StripedMap, rebuilt in each worker
// from its buffer, and start together behind a barrier.
import { fileURLToPath } from 'node:url';
import { StripedMap } from '@target/05-concurrent-map/striped-map';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerPool, type WorkerPool } from '../../lib/workers/pool.ts';
import { expectIntactMap } from '../support/map-audit.ts';
import { SYNC_WORDS } from './moves.ts';
import { type PointOp, PROBE_WORDS } from './pairs.ts';
import {
  type MixedResult,
  type MovesResult,
  type PairResult,
  type StripedMapResult,
  type StripedMapRound,
  WORKERS,
} from './striped-map.rounds.ts';
import { keysInStripe } from './stripes.ts';

const entry = fileURLToPath(new URL('./striped-map.worker.ts', import.meta.url));
const count = (n: number) => n.toLocaleString('en-US');
let pool: WorkerPool<StripedMapRound, StripedMapResult>;
/** Worker 0 lingers this long at most when worker 1 should get in: it comes in at once. */
const ADMIT_MS = 3_000;
/** …and this long when worker 1 should be kept out: the reference pays it in full. */
const EXCLUDE_MS = 200;

beforeAll(async () => {
  pool = await startWorkerPool<undefined, StripedMapRound, StripedMapResult>({
    entry,
    count: WORKERS,
    data: () => undefined,
    timeoutMs: 10_000,
  });
});
afterAll(() => pool?.close());

describe(`StripedMap shared by ${WORKERS} workers (experiment E)`, () => {
  it('a mixed set/delete/get workload ends as the sequential model of each key says', async () => {
    const map = StripedMap.create();
    const results = (await pool.run({
      kind: 'mixed',
      map: map.buffer,
      seed: 2026,
      keys: 500,
      ops: 20_000,
    })) as MixedResult[];
    const wrongReads = results.reduce((sum, result) => sum + result.wrongReads, 0);
    const firstWrong = results.find((result) => result.firstWrongRead)?.firstWrongRead;
    expect(
      wrongReads,
      `${count(wrongReads)} reads disagreed with the model, e.g. ${firstWrong}`,
    ).toBe(0);
    const expected = new Map(results.flatMap((result) => result.model));
    const actual = new Map(map.entries());
    const wrongValues = [...expected].filter(([key, value]) => actual.get(key) !== value);
    expect(wrongValues.slice(0, 5), `${wrongValues.length} keys end with the wrong value`).toEqual(
      [],
    );
    expectIntactMap(map, [...expected.keys()], 'after the mixed workload');
  });

  it('4 × 12,500 disjoint inserts: size is exactly 50,000', async () => {
    const map = StripedMap.create();
    await pool.run({ kind: 'insert', map: map.buffer, perWorker: 12_500 });
    expect(map.size).toBe(50_000);
    expectIntactMap(
      map,
      Array.from({ length: 50_000 }, (_, key) => key),
      '4 writers',
    );
  });

  /** Worker 0 calls ops[0] on keys[0] and lingers inside; does worker 1's ops[1] get in? */
  async function overlaps(
    ops: [PointOp, PointOp],
    stripes: [number, number],
    holdMs: number,
  ): Promise<boolean> {
    const map = StripedMap.create();
    const keys: [number, number] =
      stripes[0] === stripes[1]
        ? (keysInStripe(map, stripes[0], 2) as [number, number])
        : [keysInStripe(map, stripes[0], 1)[0]!, keysInStripe(map, stripes[1], 1)[0]!];
    for (const key of keys) map.set(key, 0);
    const probe = new SharedArrayBuffer(PROBE_WORDS * Int32Array.BYTES_PER_ELEMENT);
    const results = (await pool.run({
      kind: 'pair',
      map: map.buffer,
      ops,
      keys,
      probe,
      holdMs,
    })) as Array<PairResult | undefined>;
    return results.some((result) => result?.overlapped);
  }

  it('writers on different stripes are inside their critical sections at the same time', async () => {
    expect(
      await overlaps(['set', 'set'], [0, 1], ADMIT_MS),
      'writers on stripes 0 and 1 never overlapped: one lock serializes the whole map',
    ).toBe(true);
  });

  it("two readers of one stripe are inside together: get shares the stripe's read lock", async () => {
    expect(
      await overlaps(['get', 'get'], [1, 1], ADMIT_MS),
      'a get on stripe 1 waited for another get on stripe 1: get takes the write lock',
    ).toBe(true);
  });

  for (const writer of ['set', 'delete'] as const) {
    it(`a get waits while a ${writer} holds its stripe: ${writer} takes the write lock`, async () => {
      expect(
        await overlaps([writer, 'get'], [1, 1], EXCLUDE_MS),
        `a get read stripe 1 while a ${writer} was changing it: the ${writer} does not hold ` +
          "the stripe's write lock (or the get takes no lock)",
      ).toBe(false);
    });
  }

  for (const read of ['size', 'entries'] as const) {
    it(`${read} stays exact while another thread moves an entry between stripes`, async () => {
      const map = StripedMap.create();
      const torn = read === 'size' ? 'a torn size' : 'a torn snapshot';
      const last = Math.max(1, map.stripeCount - 1); // one stripe: keysInStripe says so
      const [from] = keysInStripe(map, last, 1);
      const [to] = keysInStripe(map, 0, 1);
      // 99 bystanders and the entry that moves. Every move adds before it removes, so the
      // true size is always 100 or 101.
      for (const key of keysInStripe(map, last >> 1, 99)) map.set(key, 0);
      map.set(from!, 0);
      const sync = new SharedArrayBuffer(SYNC_WORDS * Int32Array.BYTES_PER_ELEMENT);
      const results = await pool.run({
        kind: 'moves',
        read,
        map: map.buffer,
        from: from!,
        to: to!,
        sweeps: 12,
        pauseMs: 15,
        sync,
      });
      const { minSize, maxSize } = results[1] as MovesResult;
      expect(
        minSize,
        `${read} counted ${minSize} entries while the true size never fell below 100: ${torn}`,
      ).toBeGreaterThanOrEqual(100);
      expect(
        maxSize,
        `${read} counted ${maxSize} entries while the true size never rose above 101: ${torn}`,
      ).toBeLessThanOrEqual(101);
    });
  }
});
