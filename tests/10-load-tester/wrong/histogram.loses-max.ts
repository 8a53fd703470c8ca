// Wrong: max is read back from the top non-empty bucket, and a bucket only remembers its
// range. 1,234,567 µs comes back as 1,233,920 µs: the worst request of the run is lost.
import {
  lowestEquivalentValue,
  Histogram as Reference,
} from '../../../solutions/10-load-tester/histogram.ts';

export {
  HIGHEST_TRACKABLE_VALUE,
  type SerializedHistogram,
} from '../../../solutions/10-load-tester/histogram.ts';

export class Histogram extends Reference {
  override get max(): number {
    return lowestEquivalentValue(super.max);
  }

  override valueAtPercentile(p: number): number {
    return p === 100 ? this.max : super.valueAtPercentile(p);
  }
}
