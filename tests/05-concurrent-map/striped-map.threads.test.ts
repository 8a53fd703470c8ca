// Experiment E with real threads: four workers share one StripedMap, rebuilt in each worker
// from its buffer, and start together behind a barrier.
import { fileURLToPath } from 'node:url';
import { StripedMap } from '@target/05-concurrent-map/striped-map';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerPool, type WorkerPool } from '../../lib/workers/pool.ts';
import { expectIntactMap } from '../support/map-audit.ts';
import { SYNC_WORDS } from './moves.ts';
import {
  type MixedResult,
  type MovesResult,
  type OverlapResult,
  type StripedMapResult,
  type StripedMapRound,
  WORKERS,
} from './striped-map.rounds.ts';
import { keysInStripe } from './stripes.ts';

const entry = fileURLToPath(new URL('./striped-map.worker.ts', import.meta.url));
const count = (n: number) => n.toLocaleString('en-US');
let pool: WorkerPool<StripedMapRound, StripedMapResult>;

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

  it('writers on different stripes are inside their critical sections at the same time', {
    retry: 2,
  }, async () => {
    const map = StripedMap.create();
    const probe = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const keys = [keysInStripe(map, 0, 2_000), keysInStripe(map, 1, 2_000)];
    const results = (await pool.run({ kind: 'overlap', map: map.buffer, keys, probe })) as Array<
      OverlapResult | undefined
    >;
    const most = Math.max(...results.map((result) => result?.maxInside ?? 0));
    expect(
      most,
      'writers on stripes 0 and 1 never overlapped: one lock serializes the whole map',
    ).toBeGreaterThanOrEqual(2);
  });

  it('size stays exact while another thread moves an entry between stripes', async () => {
    const map = StripedMap.create();
    const last = map.stripeCount - 1;
    const [from] = keysInStripe(map, last, 1);
    const [to] = keysInStripe(map, 0, 1);
    // 99 bystanders and the entry that moves. Every move adds before it removes, so the
    // true size is always 100 or 101.
    for (const key of keysInStripe(map, last >> 1, 99)) map.set(key, 0);
    map.set(from!, 0);
    const sync = new SharedArrayBuffer(SYNC_WORDS * Int32Array.BYTES_PER_ELEMENT);
    const results = await pool.run({
      kind: 'moves',
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
      `size read ${minSize} while the true size never fell below 100: a torn size`,
    ).toBeGreaterThanOrEqual(100);
    expect(
      maxSize,
      `size read ${maxSize} while the true size never rose above 101: a torn size`,
    ).toBeLessThanOrEqual(101);
  });
});
