// On measured (noisy) sweeps a fit cannot recover the truth; it must find the least squared
// error there is, and predict the system within 2 % over the range it measured.

import { uslFit, uslThroughput } from '@target/11-scaling/usl';
import { describe, expect, it } from 'vitest';
import { noisySweep, shapes, usl } from './datasets.ts';
import { expectFollowsRetrograde, expectStationary, sumOfSquaredErrors } from './fit-checks.ts';
import { leastSquaredError } from './least-squares-oracle.ts';

const SEEDS = [1, 2, 3, 4, 5];
const NOISE = 0.01;

describe('uslFit on sweeps with ±1 % noise (seeded)', () => {
  for (const [shape, truth] of Object.entries(shapes)) {
    it(`reaches the least squared error within 0.1 % and predicts within 2 %: ${shape}`, () => {
      for (const seed of SEEDS) {
        const points = noisySweep(truth, NOISE, seed);
        const fit = uslFit(points);
        expectFollowsRetrograde(fit, points);
        expectStationary(points, fit, `seed ${seed}`);
        const best = leastSquaredError(points);
        const sse = sumOfSquaredErrors(points, fit);
        expect(
          sse,
          `seed ${seed}: the fit's squared error ${sse.toPrecision(6)} is ` +
            `${((sse / best - 1) * 100).toFixed(1)} % above the least there is ` +
            `(${best.toPrecision(6)}): it stopped before the optimum`,
        ).toBeLessThanOrEqual(best * 1.001);
        for (const { n } of points) {
          const error = Math.abs(uslThroughput(fit, n) / usl(truth, n) - 1);
          expect(error, `seed ${seed}: X(${n}) is ${(error * 100).toFixed(1)} % off`).toBeLessThan(
            0.02,
          );
        }
      }
    });
  }
});

describe('uslFit keeps σ and κ at or above 0', () => {
  it('on a superlinear sweep (warming caches: X(N) above N·X(1)) it holds them at 0', () => {
    const points = [1, 2, 4, 8, 16, 32].map((n) => ({ n, x: 100 * n ** 1.1 }));
    const fit = uslFit(points);
    expect(
      fit.sigma,
      'X rises faster than N: nothing holds it back, so σ belongs at 0 (it may not go below)',
    ).toBe(0);
    expect(
      fit.kappa,
      'X rises faster than N: nothing holds it back, so κ belongs at 0 (it may not go below)',
    ).toBe(0);
    expectStationary(points, fit, 'superlinear sweep');
  });
});
