// Wrong: R² measured against a model that predicts 0 (1 − SSE/Σx²) instead of the mean
// (1 − SSE/Σ(x − x̄)²). It looks better than it is: any curve through the right order of
// magnitude scores near 1.
// Rejected by: usl-fit.test.ts
import {
  uslFit as fitReference,
  type Point,
  type UslFit,
  uslThroughput,
} from '../../../solutions/11-scaling/usl.ts';

export {
  FitError,
  type Point,
  type UslParams,
  uslThroughput,
} from '../../../solutions/11-scaling/usl.ts';

export function uslFit(points: readonly Point[]): UslFit {
  const fit = fitReference(points);
  const sse = points.reduce((s, p) => s + (p.x - uslThroughput(fit, p.n)) ** 2, 0);
  const squares = points.reduce((s, p) => s + p.x * p.x, 0);
  return { ...fit, r2: 1 - sse / squares };
}
