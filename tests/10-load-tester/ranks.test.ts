// Every rank, not a few: for n = 1 … 1,000 distinct samples and p = 0, 0.1, …, 100, the
// histogram's answer is the sample of rank max(1, ceil(p/100 · n)), computed in integers
// (p = k/10, so the rank is ceil(k·n / 1000)). A decimal p has no exact double, so p/100 · n
// can land one ulp above the whole rank it means; one ulp is forgiven, and not one more.
import { Histogram } from '@target/10-load-tester/histogram';
import * as hdr from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { shuffled } from './samples.ts';

/** The next double above x (x > 0): x plus one ulp. */
function nextUp(x: number): number {
  const scratch = new Float64Array([x]);
  new BigInt64Array(scratch.buffer)[0]! += 1n;
  return scratch[0]!;
}

/** 1, 2, …, n recorded in a shuffled order: the sample of rank r is r itself. */
function oneTo(n: number): Histogram {
  const histogram = new Histogram();
  for (const value of shuffled(
    Array.from({ length: n }, (_, i) => i + 1),
    n,
  )) {
    histogram.record(value);
  }
  return histogram;
}

/** Enough to show the pattern; the sweep stops there, so a wrong answer fails fast. */
const SHOWN = 4;

describe('nearest rank, exhaustively', () => {
  it('n = 1 … 1,000 samples, p = 0 … 100 in steps of 0.1: the exact sorted answer', () => {
    // 1,000 distinct values of 0 … 2047 (each has a bucket of its own), in shuffled order.
    const values = shuffled(
      Array.from({ length: 2048 }, (_, v) => v),
      2026,
    ).slice(0, 1000);
    const histogram = new Histogram();
    const sorted: number[] = [];
    const wrong: string[] = [];
    for (let n = 1; n <= values.length && wrong.length < SHOWN; n++) {
      const value = values[n - 1]!;
      histogram.record(value);
      let at = sorted.length;
      while (at > 0 && sorted[at - 1]! > value) at--;
      sorted.splice(at, 0, value);
      for (let k = 0; k <= 1000 && wrong.length < SHOWN; k++) {
        const rank = Math.max(1, Math.ceil((k * n) / 1000));
        const got = histogram.valueAtPercentile(k / 10);
        if (got === sorted[rank - 1]) continue;
        const gotRank = sorted.indexOf(got) + 1;
        const where =
          gotRank === 0
            ? 'not one of the samples'
            : `rank ${gotRank}${Math.abs(gotRank - rank) === 1 ? ', off by one rank' : ''}`;
        wrong.push(
          `p${k / 10} of ${n} samples is rank ${rank} (${sorted[rank - 1]}); got ${got}, ${where}`,
        );
      }
    }
    expect(wrong, 'percentiles that are not the sample of rank ceil(p/100 · n)').toEqual([]);
  });
});

describe('the one-ulp guard', () => {
  it('recording 1 … 1000, p50.00000000001 is rank 501, as hdr-histogram-js says', () => {
    const histogram = oneTo(1000);
    const theirs = hdr.build({
      lowestDiscernibleValue: 1,
      highestTrackableValue: 3_600_000_000,
      numberOfSignificantValueDigits: 3,
    });
    for (let v = 1; v <= 1000; v++) theirs.recordValue(v);
    const p = 50.00000000001;
    expect(theirs.getValueAtPercentile(p)).toBe(501);
    expect(
      histogram.valueAtPercentile(p),
      `p${p} · 1000 / 100 = 500.0000000001, rank 501: a guard wider than one ulp ` +
        '(relative 1e-12 is 8,800 ulps here) rounds it down to 500',
    ).toBe(501);
    expect(histogram.valueAtPercentile(50)).toBe(500);
  });

  it('recording 1 … 100, p75 + 1 ulp is rank 75 and p75 + 2 ulps is rank 76', () => {
    const histogram = oneTo(100);
    const oneUlp = nextUp(75);
    const twoUlps = nextUp(oneUlp);
    expect(
      histogram.valueAtPercentile(oneUlp),
      `p${oneUlp} of 100 samples lands one ulp above rank 75: rounding, forgiven`,
    ).toBe(75);
    expect(
      histogram.valueAtPercentile(twoUlps),
      `p${twoUlps} of 100 samples lands two ulps above rank 75, so it is rank 76: ` +
        'the guard may forgive one ulp, no more',
    ).toBe(76);
  });

  it('p0 and any p too small for rank 1 read the minimum; p100 the maximum', () => {
    const histogram = oneTo(1000);
    for (const p of [0, Number.MIN_VALUE, 1e-300, 0.05, 0.1]) {
      expect(
        histogram.valueAtPercentile(p),
        `p${p} of 1 … 1000 is rank 1, the minimum: p/100 · 1000 is at most 1`,
      ).toBe(1);
    }
    expect(histogram.valueAtPercentile(0.11), 'p0.11 of 1 … 1000').toBe(2);
    expect(histogram.valueAtPercentile(100)).toBe(1000);
    for (const bad of [-Number.MIN_VALUE, nextUp(100), Number.NaN]) {
      expect(() => histogram.valueAtPercentile(bad), `valueAtPercentile(${bad})`).toThrow(
        expect.objectContaining({ name: 'RangeError', message: expect.stringContaining(`${bad}`) }),
      );
    }
  });
});
