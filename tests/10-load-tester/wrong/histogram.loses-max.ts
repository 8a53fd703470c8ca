// Wrong: max is read back from the top non-empty bucket, and a bucket only remembers its
// range. 1,234,567 µs comes back as 1,233,920 µs: the worst request of the run is lost.
// Rejected by: histogram-lifecycle.test.ts
import { Histogram as Reference } from '../../../solutions/10-load-tester/histogram.ts';

export {
  HIGHEST_TRACKABLE_VALUE,
  type SerializedHistogram,
} from '../../../solutions/10-load-tester/histogram.ts';

/** The lowest value of v's bucket: buckets are 1 wide below 2048, then 1/1024 of 2^k. */
function bucketLow(v: number): number {
  const width = 2 ** Math.max(0, 21 - Math.clz32(v));
  return Math.floor(v / width) * width;
}

export class Histogram extends Reference {
  override get max(): number {
    return bucketLow(super.max);
  }

  override valueAtPercentile(p: number): number {
    return p === 100 ? this.max : super.valueAtPercentile(p);
  }
}
