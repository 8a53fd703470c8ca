// Wrong: reset forgets the counts, the histogram and the failures, but not the requests per
// second. The load tool resets every thread's entries each second, so current RPS counts the
// same requests again and again.
// Rejected by: stats-lifecycle.test.ts
import { StatsEntry as Reference } from '../../../solutions/10-load-tester/stats.ts';

export {
  CURRENT_WINDOW_SECONDS,
  type SerializedStats,
} from '../../../solutions/10-load-tester/stats.ts';

export class StatsEntry extends Reference {
  override reset(): void {
    const [requests, failed] = [this.requests, this.failed];
    super.reset();
    [this.requests, this.failed] = [requests, failed];
  }
}
