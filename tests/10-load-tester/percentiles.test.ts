// Percentiles by the nearest-rank definition (README): the p-th percentile of n samples is
// the sample of rank max(1, ceil(p/100 · n)). Values below 2048 µs are exact in the histogram.
import { Histogram } from '@target/10-load-tester/histogram';
import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { exactPercentile, heavyTailedMicros, shuffled } from './samples.ts';

const SMALL_CASES: { name: string; values: number[] }[] = [
  { name: '1 sample', values: [7] },
  { name: '2 samples', values: [3, 8] },
  { name: '10 samples', values: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100] },
  { name: '101 samples', values: Array.from({ length: 101 }, (_, i) => i + 1) },
];
const SMALL_PERCENTILES = [0, 50, 95, 99, 100];

/** "rank 6 (off by one rank)": where a wrong answer sits among the sorted samples. */
function rankOf(sorted: number[], value: number, expectedRank: number): string {
  const index = sorted.indexOf(value);
  if (index < 0) return `not one of the samples`;
  const rank = index + 1;
  return Math.abs(rank - expectedRank) === 1 ? `rank ${rank} (off by one rank)` : `rank ${rank}`;
}

describe('exact small cases (nearest rank)', () => {
  for (const { name, values } of SMALL_CASES) {
    it(`${name}: p0, p50, p95, p99, p100`, () => {
      const histogram = new Histogram();
      for (const value of shuffled(values, values.length)) histogram.record(value);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of SMALL_PERCENTILES) {
        const expected = exactPercentile(sorted, p * 100);
        const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
        const got = histogram.valueAtPercentile(p);
        expect(
          got,
          `p${p} of ${name} is the sample of rank ${rank} (${expected} µs); got ${got} µs, ` +
            rankOf(sorted, got, rank),
        ).toBe(expected);
      }
      expect(histogram.count).toBe(values.length);
      expect(histogram.min).toBe(sorted[0]);
      expect(histogram.max).toBe(sorted[sorted.length - 1]);
      expect(histogram.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    });
  }

  it('max and p100 are the largest sample itself, not its bucket', () => {
    const histogram = new Histogram();
    for (const value of [5, 1_234_567, 800]) histogram.record(value);
    expect(histogram.max, 'the max was rounded into its bucket').toBe(1_234_567);
    expect(histogram.valueAtPercentile(100)).toBe(1_234_567);
    expect(histogram.min).toBe(5);
    expect(histogram.valueAtPercentile(0)).toBe(5);
  });
});

describe('the range: 0 … 1 h in microseconds', () => {
  it('values near 1 h keep 3 significant digits, and anything outside is a RangeError', () => {
    const histogram = new Histogram();
    for (const value of [1_000_000_000, 2_500_000_001, 3_600_000_000]) histogram.record(value);
    const median = histogram.valueAtPercentile(50);
    expect(median, `p50 is ${median} µs, the sample is 2,500,000,001 µs`).toBeGreaterThanOrEqual(
      2_500_000_001,
    );
    expect(median, `p50 is ${median} µs, the sample is 2,500,000,001 µs`).toBeLessThanOrEqual(
      2_500_000_001 * 1.001,
    );
    expect(histogram.valueAtPercentile(100)).toBe(3_600_000_000);
    expect(histogram.valueAtPercentile(0), 'p0 is the min itself, not its bucket').toBe(
      1_000_000_000,
    );
    for (const bad of [-1, Number.NaN, 3_600_000_001, Number.POSITIVE_INFINITY]) {
      expect(() => histogram.record(bad), `record(${bad}): the error names it`).toThrow(
        expect.objectContaining({ name: 'RangeError', message: expect.stringContaining(`${bad}`) }),
      );
    }
    expect(histogram.count).toBe(3);
  });
});

describe('1,000,000 heavy-tailed samples (Pareto α = 1.5, seeded)', () => {
  const samples = heavyTailedMicros(1_000_000, 20_261_122);
  const sorted = Float64Array.from(samples).sort();
  const PRECISION = 0.001; // 3 significant digits
  // In hundredths of a percent, so the exact rank is integer arithmetic.
  const HUNDREDTHS = [0, 5000, 9000, 9500, 9900, 9990, 9999, 10_000];

  it('every percentile is within 0.1 % of the exact sorted answer and of hdr-histogram-js', () => {
    const histogram = new Histogram();
    const reference = hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000_000,
      numberOfSignificantValueDigits: 3,
    });
    for (const value of samples) {
      histogram.record(value);
      reference.recordValue(value);
    }
    expect(histogram.count).toBe(samples.length);
    expect(histogram.max).toBe(sorted[sorted.length - 1]);
    for (const hundredths of HUNDREDTHS) {
      const p = hundredths / 100;
      const exact = exactPercentile(sorted, hundredths);
      const got = histogram.valueAtPercentile(p);
      const theirs = reference.getValueAtPercentile(p);
      expect(
        Math.abs(got - exact) / exact,
        `p${p}: ${got} µs vs exact ${exact} µs`,
      ).toBeLessThanOrEqual(PRECISION);
      expect(
        Math.abs(got - theirs) / theirs,
        `p${p}: ${got} µs vs hdr-histogram-js ${theirs} µs`,
      ).toBeLessThanOrEqual(PRECISION);
    }
  });
});
