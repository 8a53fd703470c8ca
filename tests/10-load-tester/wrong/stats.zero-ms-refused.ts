// Wrong: a response time must be positive, so a reply that took under half a microsecond
// (0 ms once rounded by the timer) is thrown away as a bad sample: the fastest requests
// vanish from the count, the minimum and every percentile.
// Rejected by: stats.test.ts
import { StatsEntry as Reference } from '../../../solutions/10-load-tester/stats.ts';

export {
  CURRENT_WINDOW_SECONDS,
  type SerializedStats,
} from '../../../solutions/10-load-tester/stats.ts';

export class StatsEntry extends Reference {
  override log(responseTimeMs: number, contentLength: number): void {
    if (!(responseTimeMs > 0)) {
      throw new RangeError(`bad sample: ${responseTimeMs} ms, ${contentLength} bytes`);
    }
    super.log(responseTimeMs, contentLength);
  }
}
