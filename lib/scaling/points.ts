// Measured points of a scalability sweep, and the checks every fit makes before it starts.
// Used by kata 11 (scaling): the learner's fits, the reference and the scaling lab.
// Checking input is not the lesson, so it lives here, once.

/** One step of a sweep: `n` concurrent users (or threads), `x` the throughput they reached. */
export interface Point {
  n: number;
  x: number;
}

/** Input a fit cannot use, with a message that says what is wrong with it. */
export class FitError extends Error {
  override name = 'FitError';
}

/**
 * Throws FitError unless every point is finite and positive and the points hold at least
 * `minDistinctN` distinct values of n; `why` says what the model needs them for.
 */
export function checkPoints(
  points: readonly Point[],
  minDistinctN: number,
  model: string,
  why: string,
): void {
  for (const [i, { n, x }] of points.entries()) {
    if (!Number.isFinite(n) || !Number.isFinite(x)) {
      throw new FitError(`point ${i} is not finite (n = ${n}, x = ${x})`);
    }
    if (n <= 0) throw new FitError(`point ${i} has n = ${n}: concurrency must be positive`);
    if (x <= 0) throw new FitError(`point ${i} has x = ${x}: throughput must be positive`);
  }
  const distinct = new Set(points.map((p) => p.n)).size;
  if (distinct < minDistinctN) {
    throw new FitError(
      `${model} needs at least ${minDistinctN} distinct values of N, got ${distinct}: ${why}`,
    );
  }
}

/** Why each model needs the points it asks for: the messages of its FitError. */
export const USL_NEEDS =
  'its three parameters pass exactly through any three points, so fewer cannot test the law';
export const AMDAHL_NEEDS = 'one point fixes λ and says nothing about p';

/** Sum of squared errors of a model over the points. */
export function sumOfSquares(points: readonly Point[], model: (n: number) => number): number {
  let sse = 0;
  for (const { n, x } of points) sse += (x - model(n)) ** 2;
  return sse;
}

/** Coefficient of determination: 1 − SSE / (total sum of squares around the mean). */
export function rSquared(points: readonly Point[], model: (n: number) => number): number {
  const mean = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const total = points.reduce((sum, p) => sum + (p.x - mean) ** 2, 0);
  const sse = sumOfSquares(points, model);
  return total === 0 ? (sse === 0 ? 1 : 0) : 1 - sse / total;
}
