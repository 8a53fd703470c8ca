// The USL fit recovers the parameters a sweep was made with, whatever its shape.

import { uslFit, uslThroughput } from '@target/11-scaling/usl';
import { describe, expect, it } from 'vitest';
import { shapes, sweepOf, usl } from './datasets.ts';
import { expectFollowsRetrograde, expectRecovers } from './fit-checks.ts';

describe('uslFit on sweeps without noise', () => {
  for (const [shape, truth] of Object.entries(shapes)) {
    it(`recovers λ, σ and κ within 0.1 %: ${shape}`, () => {
      const points = sweepOf(truth);
      const fit = uslFit(points);
      expectFollowsRetrograde(fit, points);
      expectRecovers(fit, truth);
    });
  }

  it('recovers them from a sweep with other values of N, in any order', () => {
    const truth = { lambda: 42, sigma: 0.1, kappa: 0.01 };
    const points = sweepOf(truth, [12, 3, 1, 40, 7, 20, 5]);
    expectRecovers(uslFit(points), truth);
  });

  it('does not need N = 1: λ is fitted, not read off the first point', () => {
    const truth = { lambda: 300, sigma: 0.03, kappa: 0.0004 };
    expectRecovers(uslFit(sweepOf(truth, [4, 8, 16, 32, 48, 64, 96])), truth);
  });
});

describe('the model and its peak', () => {
  it('uslThroughput is λN / (1 + σ(N − 1) + κN(N − 1))', () => {
    const params = { lambda: 7, sigma: 0.2, kappa: 0.03 };
    for (const n of [1, 2, 5, 17, 100]) {
      expect(uslThroughput(params, n)).toBeCloseTo(usl(params, n), 9);
    }
    expect(uslThroughput(params, 1)).toBe(7);
  });

  it('peaks at N* = √((1 − σ)/κ), and peakThroughput is the model there', () => {
    const truth = shapes['coherency-bound (κ > 0: it peaks, then falls)']!;
    const fit = uslFit(sweepOf(truth));
    expect(
      fit.peakN,
      'peakN must be √((1 − σ) / κ) of the fitted σ and κ (the square root, where dX/dN = 0)',
    ).toBeCloseTo(Math.sqrt((1 - fit.sigma) / fit.kappa), 6);
    expect(fit.peakN, 'peakN must be √((1 − σ) / κ) of the fitted σ and κ').toBeCloseTo(
      Math.sqrt((1 - truth.sigma) / truth.kappa),
      2,
    );
    expect(fit.peakThroughput, 'peakThroughput must be the model at peakN').toBeCloseTo(
      uslThroughput(fit, fit.peakN),
      6,
    );
    // A peak is a maximum: the model is lower on both sides.
    expect(uslThroughput(fit, fit.peakN * 0.9)).toBeLessThan(fit.peakThroughput);
    expect(uslThroughput(fit, fit.peakN * 1.1)).toBeLessThan(fit.peakThroughput);
  });

  it('with κ = 0 it never peaks: peakN is Infinity and peakThroughput the asymptote λ/σ', () => {
    const truth = shapes['contention-bound (σ > 0, κ = 0: it flattens)']!;
    const fit = uslFit(sweepOf(truth));
    expect(fit.kappa).toBe(0);
    expect(fit.peakN).toBe(Infinity);
    expect(fit.peakThroughput).toBeCloseTo(fit.lambda / fit.sigma, 6);
  });

  it('with σ = κ = 0 (linear) both are Infinity', () => {
    const fit = uslFit(sweepOf(shapes['linear (σ = κ = 0)']!));
    expect([fit.sigma, fit.kappa]).toEqual([0, 0]);
    expect([fit.peakN, fit.peakThroughput]).toEqual([Infinity, Infinity]);
  });

  it('flat throughput is all contention: σ = 1, κ = 0, and r2 = 1 though the data do not vary', () => {
    const fit = uslFit([1, 2, 4, 8, 16].map((n) => ({ n, x: 500 })));
    expect(fit.lambda).toBeCloseTo(500, 6);
    expect(fit.sigma).toBeCloseTo(1, 6);
    expect(fit.kappa).toBeLessThan(1e-9);
    expect(fit.r2).toBe(1);
  });

  it('r2 is 1 on a sweep without noise and 1 − SSE/SST otherwise', () => {
    expect(uslFit(sweepOf(shapes['linear (σ = κ = 0)']!)).r2).toBeCloseTo(1, 12);
    const points = [1, 2, 3, 4, 5].map((n) => ({ n, x: n === 3 ? 2.5 : n }));
    const fit = uslFit(points);
    const mean = points.reduce((s, p) => s + p.x, 0) / points.length;
    const sst = points.reduce((s, p) => s + (p.x - mean) ** 2, 0);
    const sse = points.reduce((s, p) => s + (p.x - uslThroughput(fit, p.n)) ** 2, 0);
    expect(fit.r2, 'r2 must be 1 − SSE / SST of the fitted curve').toBeCloseTo(1 - sse / sst, 9);
    expect(fit.r2).toBeLessThan(1);
  });
});
