// Amdahl's law: with a share p of the work spread over N users and 1 − p done one at a time,
// the speedup is S(N) = 1 / ((1 − p) + p/N), never above 1/(1 − p). As throughput,
// X(N) = λ·S(N) = λN / (1 + (1 − p)(N − 1)): the USL with σ = 1 − p and κ = 0.
import { AMDAHL_NEEDS, checkPoints, type Point, rSquared } from '../../lib/scaling/points.ts';
import { leastSquares } from './usl.ts';

export interface AmdahlFit {
  /** The parallel share of the work, from 0 to 1. */
  p: number;
  /** Throughput of one user. */
  lambda: number;
  r2: number;
}

export function amdahlSpeedup(p: number, n: number): number {
  return 1 / (1 - p + p / n);
}

/** Least squares over every point, with λ free and the serial share 1 − p held at or above 0. */
export function amdahlFit(points: readonly Point[]): AmdahlFit {
  checkPoints(points, 2, "Amdahl's law", AMDAHL_NEEDS);
  const { lambda, sigma } = leastSquares(points, { fitKappa: false });
  const p = 1 - sigma;
  return { p, lambda, r2: rSquared(points, (n) => lambda * amdahlSpeedup(p, n)) };
}
