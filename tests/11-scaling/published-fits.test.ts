// Fits that others published, reproduced by the same method (least squares of X(N)).

import { uslFit, uslThroughput } from '@target/11-scaling/usl';
import { describe, expect, it } from 'vitest';
import { mysqlCluster, mysqlClusterPublished, specSdm91, specSdm91Published } from './datasets.ts';
import { expectRoundsTo, expectStationary } from './fit-checks.ts';

describe('published USL fits', () => {
  it("SPEC SDM91 (Gunther's Guerrilla Capacity Planning) as the R package usl fits it", () => {
    const fit = uslFit(specSdm91);
    expectRoundsTo('σ', fit.sigma, specSdm91Published.sigma, 4);
    expectRoundsTo('κ', fit.kappa, specSdm91Published.kappa, 4);
    expectRoundsTo('λ', fit.lambda, specSdm91Published.lambda, 4);
    expectRoundsTo('R²', fit.r2, specSdm91Published.r2, 4);
    const sse = specSdm91.reduce((s, p) => s + (p.x - uslThroughput(fit, p.n)) ** 2, 0);
    const degreesOfFreedom = specSdm91.length - 3;
    expectRoundsTo('residual standard error', Math.sqrt(sse / degreesOfFreedom), 82.85, 4);
    expectStationary(specSdm91, fit, 'SPEC SDM91');
  });

  it("Schwartz's MySQL sweep, 1 to 32 clients, as codahale/usl fits it (relative 1e-5)", () => {
    const fit = uslFit(mysqlCluster);
    for (const name of ['sigma', 'kappa', 'lambda'] as const) {
      const published = mysqlClusterPublished[name];
      expect(
        Math.abs(fit[name] - published) / published,
        `${name} = ${fit[name]}, published ${published}`,
      ).toBeLessThan(1e-5);
    }
    expectStationary(mysqlCluster, fit, 'the MySQL sweep');
  });
});
