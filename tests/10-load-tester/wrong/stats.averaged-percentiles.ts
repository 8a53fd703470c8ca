// Wrong: the aggregate reports the average of the workers' percentiles. With 9,000 × 10 ms
// on one worker and 1,000 × 500 ms on the other, that says p95 = 255 ms; the union's is 500.
// Rejected by: stats-lifecycle.test.ts
import { StatsEntry as Reference } from '../../../solutions/10-load-tester/stats.ts';

export {
  CURRENT_WINDOW_SECONDS,
  type SerializedStats,
} from '../../../solutions/10-load-tester/stats.ts';

export class StatsEntry extends Reference {
  private readonly workers: Reference[] = [];

  override merge(other: Reference): this {
    this.workers.push(other);
    return super.merge(other);
  }

  override percentile(p: number): number {
    if (this.workers.length === 0) return super.percentile(p);
    return (
      this.workers.reduce((sum, worker) => sum + worker.percentile(p), 0) / this.workers.length
    );
  }
}
