// Input a fit cannot use is rejected with a FitError that says why.

import { amdahlFit } from '@target/11-scaling/amdahl';
import { FitError, uslFit } from '@target/11-scaling/usl';
import { describe, expect, it } from 'vitest';

const good = [1, 2, 4, 8].map((n) => ({ n, x: 100 * n }));

describe('FitError', () => {
  it('the USL needs at least 4 distinct N: three parameters pass through any 3 points', () => {
    expect(
      () => uslFit(good.slice(0, 3)),
      'a USL fit of 3 points must throw FitError: three parameters pass through any 3 points',
    ).toThrow(FitError);
    expect(() => uslFit(good.slice(0, 3))).toThrow(
      'the USL needs at least 4 distinct values of N, got 3: its three parameters pass ' +
        'exactly through any three points, so fewer cannot test the law',
    );
    const repeated = [...good.slice(0, 3), { n: 4, x: 390 }, { n: 4, x: 410 }].map((p, i) =>
      i === 3 ? { n: 2, x: 190 } : p,
    );
    expect(() => uslFit(repeated)).toThrow(/got 3/);
    expect(() => uslFit([])).toThrow(FitError);
  });

  it("Amdahl's law needs at least 2 distinct N", () => {
    expect(() => amdahlFit([{ n: 4, x: 10 }])).toThrow(
      "Amdahl's law needs at least 2 distinct values of N, got 1: one point fixes λ and says " +
        'nothing about p',
    );
    expect(() =>
      amdahlFit([
        { n: 4, x: 10 },
        { n: 4, x: 11 },
      ]),
    ).toThrow(FitError);
  });

  const bad: [string, { n: number; x: number }, RegExp][] = [
    ['N of 0', { n: 0, x: 5 }, /point 4 has n = 0: concurrency must be positive/],
    ['negative N', { n: -2, x: 5 }, /concurrency must be positive/],
    ['throughput of 0', { n: 16, x: 0 }, /point 4 has x = 0: throughput must be positive/],
    ['negative throughput', { n: 16, x: -3 }, /throughput must be positive/],
    ['NaN', { n: 16, x: Number.NaN }, /point 4 is not finite \(n = 16, x = NaN\)/],
    ['Infinity', { n: Infinity, x: 3 }, /point 4 is not finite \(n = Infinity, x = 3\)/],
  ];
  for (const [what, point, message] of bad) {
    it(`rejects a point with ${what}, naming it`, () => {
      expect(() => uslFit([...good, point])).toThrow(message);
      expect(() => uslFit([...good, point])).toThrow(/point 4/);
      expect(() => amdahlFit([...good, point])).toThrow(FitError);
    });
  }
});
