// Measured sweeps whose USL fits were published, and synthetic sweeps from known parameters.

import { seededRandom } from '../../lib/random.ts';
import type { Point } from '../../lib/scaling/points.ts';

export interface Params {
  lambda: number;
  sigma: number;
  kappa: number;
}

/**
 * SPEC SDM91 on a 16-CPU Sun SPARCcenter 2000 (October 1994): users against scripts per hour.
 * From N. J. Gunther, Guerrilla Capacity Planning (Springer, 2007), as shipped in the R
 * package `usl` (S. Möding) as `specsdm91`.
 */
export const specSdm91: Point[] = [
  { n: 1, x: 64.9 },
  { n: 18, x: 995.9 },
  { n: 36, x: 1652.4 },
  { n: 72, x: 1853.2 },
  { n: 108, x: 1828.9 },
  { n: 144, x: 1775.0 },
  { n: 216, x: 1702.2 },
];

/**
 * The R package `usl` 3.x fits specsdm91 by nonlinear least squares and prints (its test
 * `summary.Rout.save`): alpha (σ) 2.773e-02, beta (κ) 1.044e-04, gamma (λ) 9.000e+01,
 * residual standard error 82.85 on 4 degrees of freedom, multiple R² 0.9896.
 */
export const specSdm91Published = {
  sigma: 2.773e-2,
  kappa: 1.044e-4,
  lambda: 9.0e1,
  residualStandardError: 82.85,
  r2: 0.9896,
};

/**
 * The MySQL benchmark of B. Schwartz, Practical Scalability Analysis with the Universal
 * Scalability Law (VividCortex, 2015): 1 to 32 concurrent clients. Fitted by least squares
 * in codahale/usl's tests to σ = 0.02671591, κ = 7.690945e-4, λ = 995.6486, which they hold
 * to a relative 1e-5.
 */
export const mysqlCluster: Point[] = [
  955.16, 1878.91, 2688.01, 3548.68, 4315.54, 5130.43, 5931.37, 6531.08, 7219.8, 7867.61, 8278.71,
  8646.7, 9047.84, 9426.55, 9645.37, 9897.24, 10097.6, 10240.5, 10532.39, 10798.52, 11151.43,
  11518.63, 11806, 12089.37, 12075.41, 12177.29, 12211.41, 12158.93, 12155.27, 12118.04, 12140.4,
  12074.39,
].map((x, i) => ({ n: i + 1, x }));

export const mysqlClusterPublished = { sigma: 0.02671591, kappa: 7.690945e-4, lambda: 995.6486 };

export const usl = ({ lambda, sigma, kappa }: Params, n: number) =>
  (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));

export const SWEEP = [1, 2, 4, 8, 16, 32, 64];

/** The three shapes a sweep can take. */
export const shapes: Record<string, Params> = {
  'contention-bound (σ > 0, κ = 0: it flattens)': { lambda: 1000, sigma: 0.05, kappa: 0 },
  'coherency-bound (κ > 0: it peaks, then falls)': { lambda: 1000, sigma: 0.02, kappa: 0.002 },
  'linear (σ = κ = 0)': { lambda: 250, sigma: 0, kappa: 0 },
};

export const sweepOf = (params: Params, ns: readonly number[] = SWEEP): Point[] =>
  ns.map((n) => ({ n, x: usl(params, n) }));

/** The model's points, each multiplied by 1 + e with e uniform in ±`noise`, from a seed. */
export function noisySweep(params: Params, noise: number, seed: number, ns = SWEEP): Point[] {
  const random = seededRandom(seed);
  return ns.map((n) => ({ n, x: usl(params, n) * (1 + noise * (2 * random() - 1)) }));
}
