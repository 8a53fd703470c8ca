// Wrong: "current RPS" is the whole run's average, so a step in the rate shows up slowly
// and a stopped run still reads busy.
// Rejected by: stats-lifecycle.test.ts
import { StatsEntry as Reference } from '../../../solutions/10-load-tester/stats.ts';

export {
  CURRENT_WINDOW_SECONDS,
  type SerializedStats,
} from '../../../solutions/10-load-tester/stats.ts';

export class StatsEntry extends Reference {
  override get currentRps(): number {
    return this.totalRps;
  }

  override get currentFailPerSec(): number {
    return this.totalFailPerSec;
  }
}
