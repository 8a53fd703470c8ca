// Wrong: the fit is right, but the peak is read as (1 − σ)/κ, forgetting the square root:
// at σ = 0.02 and κ = 0.002 it puts the peak at N = 490 instead of N = 22.
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
  if (fit.kappa === 0) return fit;
  const peakN = (1 - fit.sigma) / fit.kappa;
  return { ...fit, peakN, peakThroughput: uslThroughput(fit, peakN) };
}
