// Wrong: merge takes Math.min(this.min, other.min), and the min of an empty histogram reads
// 0. Merging a worker that has not answered yet drags min and p0 of the whole run to 0 µs.
// Rejected by: histogram-lifecycle.test.ts
import { Histogram as Reference } from '../../../solutions/10-load-tester/histogram.ts';

export {
  HIGHEST_TRACKABLE_VALUE,
  type SerializedHistogram,
} from '../../../solutions/10-load-tester/histogram.ts';

export class Histogram extends Reference {
  override merge(other: Reference): this {
    const min = Math.min(this.min, other.min);
    super.merge(other);
    this.minValue = min;
    return this;
  }
}
