// One thread's statistics for the current interval: a StatsEntry per (method, name), plus
// the exceptions tasks threw. Drained once a second into a structured-clone friendly report.
import type { LoadStats, LoadStatsClass, SerializedStats } from './kata-stats.ts';

export interface DrainedStats {
  entries: SerializedStats[];
  /** Task exceptions (not requests), by message. */
  taskErrors: [string, number][];
}

export class Recorder {
  private readonly byMethod = new Map<string, Map<string, LoadStats>>();
  private taskErrors = new Map<string, number>();
  private last: LoadStats | undefined;

  constructor(
    /** Kata 10's StatsEntry, as the switch chose it. */
    private readonly StatsEntry: LoadStatsClass,
    private readonly wall: () => number,
  ) {}

  record(method: string, name: string, ms: number, bytes: number, failure?: string): void {
    const entry = this.entry(method, name);
    entry.log(ms, bytes);
    if (failure !== undefined) entry.logFailure(failure);
  }

  /** A scenario mostly repeats one request: the last entry is checked before the maps. */
  private entry(method: string, name: string): LoadStats {
    const last = this.last;
    if (last !== undefined && last.name === name && last.method === method) return last;
    let byName = this.byMethod.get(method);
    if (!byName) {
      byName = new Map();
      this.byMethod.set(method, byName);
    }
    let entry = byName.get(name);
    if (!entry) {
      entry = new this.StatsEntry(name, method, this.wall);
      byName.set(name, entry);
    }
    this.last = entry;
    return entry;
  }

  taskError(error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.taskErrors.set(message, (this.taskErrors.get(message) ?? 0) + 1);
  }

  /** Everything since the last drain; entries are reset and reused (their histograms are big). */
  drain(): DrainedStats {
    const entries: SerializedStats[] = [];
    for (const byName of this.byMethod.values()) {
      for (const entry of byName.values()) {
        if (entry.count === 0) continue;
        entries.push(entry.serialize());
        entry.reset();
      }
    }
    const taskErrors = [...this.taskErrors];
    this.taskErrors = new Map();
    return { entries, taskErrors };
  }
}
