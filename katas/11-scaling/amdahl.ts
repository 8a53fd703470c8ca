// Amdahl's law: with a share p of the work spread over N users and 1 − p done one at a time,
// the speedup is S(N) = 1 / ((1 − p) + p/N).
//
// This is the course's reasoning: two measurements, one model. It reads λ off the first point
// and p off the last one, and ignores everything in between.
import { AMDAHL_NEEDS, checkPoints, type Point } from '../../lib/scaling/points.ts';

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

export function amdahlFit(points: readonly Point[]): AmdahlFit {
  checkPoints(points, 2, "Amdahl's law", AMDAHL_NEEDS);
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const lambda = first.x / first.n;
  // From 1/S = (1 − p) + p/N at the last point: p = (1 − 1/S) / (1 − 1/N).
  const speedup = last.x / lambda;
  const p = (1 - 1 / speedup) / (1 - 1 / last.n);
  return { p, lambda, r2: 1 };
}
