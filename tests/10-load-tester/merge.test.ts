// Workers each fill a histogram; the main thread merges what they post. Merging must give
// the histogram of the union. Averaging the workers' percentiles does not.
import { serialize as structuredCloneBytes } from 'node:v8';
import { Histogram } from '@target/10-load-tester/histogram';
import { StatsEntry } from '@target/10-load-tester/stats';
import { describe, expect, it } from 'vitest';
import { heavyTailedMicros } from './samples.ts';

const PERCENTILES = [0, 50, 90, 95, 99, 99.9, 100];

/** What postMessage does to a value: structured clone, and nothing else survives. */
const overTheWire = <T>(value: T): T => structuredClone(value);

function histogramOf(samples: ArrayLike<number>): Histogram {
  const histogram = new Histogram();
  for (let i = 0; i < samples.length; i++) histogram.record(samples[i]!);
  return histogram;
}

describe('merging histograms', () => {
  it('two workers merged give the count, min, max, mean and percentiles of the union', () => {
    const a = heavyTailedMicros(30_000, 1);
    const b = heavyTailedMicros(70_000, 2).map((v) => v * 3);
    const union = histogramOf([...a, ...b]);
    const merged = Histogram.deserialize(overTheWire(histogramOf(a).serialize())).merge(
      Histogram.deserialize(overTheWire(histogramOf(b).serialize())),
    );
    expect(merged.count).toBe(union.count);
    expect(merged.min).toBe(union.min);
    expect(merged.max, 'the merged max is not the largest sample of either worker').toBe(union.max);
    expect(merged.mean).toBeCloseTo(union.mean, 6);
    for (const p of PERCENTILES) {
      expect(merged.valueAtPercentile(p), `p${p} of the merge vs of the union`).toBe(
        union.valueAtPercentile(p),
      );
    }
  });

  it('memory stays bounded: 10^6 samples serialize to about as much as 10^5', () => {
    const bytes = (n: number) =>
      structuredCloneBytes(histogramOf(heavyTailedMicros(n, 3)).serialize()).byteLength;
    const small = bytes(100_000);
    const large = bytes(1_000_000);
    expect(
      large / small,
      `10^5 samples serialize to ${small.toLocaleString('en-US')} bytes, 10^6 to ` +
        `${large.toLocaleString('en-US')}: the histogram grows with the samples it keeps`,
    ).toBeLessThan(3);
  });
});

describe('merging StatsEntry across workers (9,000 × 10 ms on one, 1,000 × 500 ms on the other)', () => {
  const clock = () => 1_000_000;

  function worker(samples: number, ms: number): StatsEntry {
    const entry = new StatsEntry('/albums', 'GET', clock);
    for (let i = 0; i < samples; i++) entry.log(ms, 100);
    return entry;
  }

  it("the aggregate's p95 is the union's p95, not the average of the workers' p95", () => {
    const union = worker(9000, 10);
    for (let i = 0; i < 1000; i++) union.log(500, 100);
    const aggregate = new StatsEntry('Aggregated', '', clock);
    for (const entry of [worker(9000, 10), worker(1000, 500)]) {
      aggregate.merge(StatsEntry.deserialize(overTheWire(entry.serialize()), clock));
    }
    expect(aggregate.count).toBe(10_000);
    expect(
      aggregate.p95,
      `p95 of merged workers is ${aggregate.p95} ms, the union's p95 is ${union.p95} ms`,
    ).toBeCloseTo(union.p95, 6);
    expect(union.p95).toBeCloseTo(500, 6);
    expect(aggregate.median).toBeCloseTo(union.median, 6);
    expect(aggregate.p99).toBeCloseTo(union.p99, 6);
    expect(aggregate.max).toBe(500);
    expect(aggregate.avg).toBeCloseTo(59, 9);
  });
});
