// Wrong: Gunther's linearisation, solved by linear least squares, taken as the answer. It is
// exact on data without noise, but it weighs each point by 1/X² and reads λ off the lowest
// N alone, so on measured data it stops short of the least-squares optimum.
// Rejected by: usl-fit.test.ts
import { checkPoints, type Point, rSquared, USL_NEEDS } from '../../../lib/scaling/points.ts';
import {
  linearisedStart,
  peakOf,
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
  checkPoints(points, 4, 'the USL', USL_NEEDS);
  const params = linearisedStart(points, true);
  return { ...params, ...peakOf(params), r2: rSquared(points, (n) => uslThroughput(params, n)) };
}
