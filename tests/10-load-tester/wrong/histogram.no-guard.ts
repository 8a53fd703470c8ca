// Wrong: the rank is Math.ceil(p / 100 * n), with no guard. A decimal p has no exact double,
// so 1.1 % of 1000 computes as 11.000000000000002 and reads rank 12: one sample too high,
// for hundreds of (n, p) pairs that a few hand-picked percentiles never hit.
// Rejected by: ranks.test.ts
import { Histogram as Reference } from '../../../solutions/10-load-tester/histogram.ts';

export {
  HIGHEST_TRACKABLE_VALUE,
  type SerializedHistogram,
} from '../../../solutions/10-load-tester/histogram.ts';

export class Histogram extends Reference {
  override valueAtPercentile(p: number): number {
    if (!(p >= 0 && p <= 100) || this.count === 0) return super.valueAtPercentile(p);
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    // Halfway between ranks rank − 1 and rank: the reference reads exactly this rank.
    return super.valueAtPercentile((100 * (rank - 0.5)) / this.count);
  }
}
