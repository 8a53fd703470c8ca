// The Universal Scalability Law:
//
//   X(N) = λN / (1 + σ(N − 1) + κN(N − 1))
//
// λ is the throughput of one user, σ the share of the work that waits in line (contention)
// and κ the cost of keeping N users consistent with each other (coherency).
//
// This "USL" is Amdahl's law in disguise: κ is fixed at 0 and σ comes from the two-point
// Amdahl fit. Fit all three parameters to all the points instead.
import type { Point } from '../../lib/scaling/points.ts';
import { amdahlFit } from './amdahl.ts';

export { FitError, type Point } from '../../lib/scaling/points.ts';

export interface UslParams {
  lambda: number;
  sigma: number;
  kappa: number;
}

export interface UslFit extends UslParams {
  /** Concurrency of the highest throughput; Infinity when κ = 0 (it never turns down). */
  peakN: number;
  /** The model at peakN; with κ = 0 the asymptote λ/σ (Infinity when σ = 0 too). */
  peakThroughput: number;
  r2: number;
}

export function uslThroughput({ lambda, sigma, kappa }: UslParams, n: number): number {
  return (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

export function uslFit(points: readonly Point[]): UslFit {
  const { p, lambda } = amdahlFit(points);
  const sigma = 1 - p;
  return {
    lambda,
    sigma,
    kappa: 0,
    peakN: Infinity,
    peakThroughput: sigma > 0 ? lambda / sigma : Infinity,
    r2: 1,
  };
}
