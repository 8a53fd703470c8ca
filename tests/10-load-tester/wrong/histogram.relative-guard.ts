// Wrong: ranks within a relative 1e-12 of a whole number are rounded down to it, "to be
// safe". 1e-12 of rank 500 is 8,800 ulps: recording 1 … 1000, p50.00000000001 reads 500,
// where the rank ceil(p/100 · n) is 501 (and hdr-histogram-js says 501).
// Rejected by: ranks.test.ts
import { Histogram as Reference } from '../../../solutions/10-load-tester/histogram.ts';

export {
  HIGHEST_TRACKABLE_VALUE,
  type SerializedHistogram,
} from '../../../solutions/10-load-tester/histogram.ts';

export class Histogram extends Reference {
  override valueAtPercentile(p: number): number {
    if (!(p >= 0 && p <= 100) || this.count === 0) return super.valueAtPercentile(p);
    const rank = Math.max(1, Math.ceil((p / 100) * this.count * (1 - 1e-12)));
    // Halfway between ranks rank − 1 and rank: the reference reads exactly this rank.
    return super.valueAtPercentile((100 * (rank - 0.5)) / this.count);
  }
}
