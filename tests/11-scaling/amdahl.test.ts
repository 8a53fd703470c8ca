// Amdahl's law, and the course's two measurements read through it.

import { amdahlFit, amdahlSpeedup } from '@target/11-scaling/amdahl';
import { uslThroughput } from '@target/11-scaling/usl';
import { describe, expect, it } from 'vitest';
import { noisySweep, sweepOf } from './datasets.ts';
import { expectRecovers, sumOfSquaredErrors } from './fit-checks.ts';
import { leastSquaredError } from './least-squares-oracle.ts';

describe('amdahlSpeedup', () => {
  it('is 1 / ((1 − p) + p/N)', () => {
    const law = (p: number, n: number) =>
      `amdahlSpeedup(${p}, ${n}) is 1 / ((1 − p) + p/N): p is the parallel fraction, 1 − p ` +
      'the serial one';
    expect(amdahlSpeedup(0.9, 4), law(0.9, 4)).toBeCloseTo(1 / (0.1 + 0.9 / 4), 12);
    expect(amdahlSpeedup(0.5, 2), law(0.5, 2)).toBeCloseTo(4 / 3, 12);
    expect(amdahlSpeedup(0.9, 1), 'one user is no speedup').toBe(1);
    expect(amdahlSpeedup(1, 64), 'with nothing serial, 64 users are 64×').toBeCloseTo(64, 9);
    expect(amdahlSpeedup(0, 64), 'with nothing parallel, 64 users are 1×').toBe(1);
  });

  it('never exceeds 1/(1 − p), however many users', () => {
    const ceiling = 'with p = 0.95, the serial 5 % caps the speedup at 1/(1 − p) = 20×';
    expect(amdahlSpeedup(0.95, 1e9), `${ceiling}, which 10^9 users reach`).toBeCloseTo(20, 6);
    expect(amdahlSpeedup(0.95, 1e9), `${ceiling}, never beyond`).toBeLessThan(20);
  });

  it('is the USL with σ = 1 − p and κ = 0', () => {
    for (const n of [1, 3, 10, 64]) {
      expect(
        uslThroughput({ lambda: 50, sigma: 0.25, kappa: 0 }, n),
        `at N = ${n}, the USL with σ = 0.25 and κ = 0 must be λ × amdahlSpeedup(p = 0.75, N)`,
      ).toBeCloseTo(50 * amdahlSpeedup(0.75, n), 9);
    }
  });
});

describe('amdahlFit', () => {
  it("reads the course's 112 → 120 RPS (1 and 3 Locust workers) as p = 0.10, a ceiling of 1.11×", () => {
    const fit = amdahlFit([
      { n: 1, x: 112 },
      { n: 3, x: 120 },
    ]);
    expect(fit.p).toBeCloseTo(0.1, 9);
    expect(fit.lambda).toBeCloseTo(112, 9);
    expect(1 / (1 - fit.p)).toBeCloseTo(1.111, 3);
    expect(fit.r2).toBeCloseTo(1, 9);
  });

  it('recovers p and λ within 0.1 % from a sweep without noise', () => {
    const points = sweepOf({ lambda: 800, sigma: 0.08, kappa: 0 });
    const fit = amdahlFit(points);
    expectRecovers(
      { lambda: fit.lambda, sigma: 1 - fit.p, kappa: 0 },
      {
        lambda: 800,
        sigma: 0.08,
        kappa: 0,
      },
    );
  });

  it('fits every point, not the first and the last: the least squared error on noisy sweeps', () => {
    for (const seed of [11, 12, 13, 14, 15]) {
      const points = noisySweep({ lambda: 800, sigma: 0.08, kappa: 0 }, 0.03, seed);
      const fit = amdahlFit(points);
      const sse = sumOfSquaredErrors(points, { lambda: fit.lambda, sigma: 1 - fit.p, kappa: 0 });
      const best = leastSquaredError(points, { fixKappa: true });
      expect(
        sse,
        `seed ${seed}: squared error ${sse.toPrecision(5)} vs the least there is ` +
          `${best.toPrecision(5)}: a fit through two points ignores the rest`,
      ).toBeLessThanOrEqual(best * 1.001);
      const mean = points.reduce((s, p) => s + p.x, 0) / points.length;
      const sst = points.reduce((s, p) => s + (p.x - mean) ** 2, 0);
      expect(fit.r2).toBeCloseTo(1 - sse / sst, 9);
    }
  });
});
