// The main thread's view of a run: every thread's interval reports merged into one
// StatsEntry per request name plus "Aggregated" (histograms merged, never percentiles
// averaged), a history row per second, and what makes the numbers suspect.
import { GeneratorCost, type GeneratorSample } from './generator-cost.ts';
import type { LoadStats, LoadStatsModule } from './kata-stats.ts';
import type { ArrivalCounts, IntervalReport } from './runner.ts';

/** Locust's percentile columns. */
export const PERCENTILES = [50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100] as const;

export interface EntrySummary {
  method: string;
  name: string;
  count: number;
  failures: number;
  avg: number;
  min: number;
  max: number;
  median: number;
  avgSize: number;
  /** Over the whole run (the final table's req/s). */
  rps: number;
  failPerSec: number;
  /** PERCENTILES, in ms. */
  percentiles: number[];
}

export function summarize(entry: LoadStats): EntrySummary {
  return {
    method: entry.method,
    name: entry.name,
    count: entry.count,
    failures: entry.failures,
    avg: entry.avg,
    min: entry.min,
    max: entry.max,
    median: entry.median,
    avgSize: entry.avgContentLength,
    rps: entry.totalRps,
    failPerSec: entry.totalFailPerSec,
    percentiles: PERCENTILES.map((p) => entry.percentile(p)),
  };
}

export interface HistoryRow {
  /** Epoch ms. */
  wall: number;
  users: number;
  /** Over the last complete seconds (Locust's current RPS). */
  rps: number;
  failPerSec: number;
  /** PERCENTILES over the kata's current window (10 s); undefined when no request ended. */
  current: number[] | undefined;
  total: EntrySummary;
  /** What each generator thread cost in its last report (CPU, heap, RSS). */
  generator: GeneratorSample[];
}

export interface Saturation {
  thread: number;
  wall: number;
  p99: number;
  max: number;
}

export interface FailureRow {
  method: string;
  name: string;
  error: string;
  occurrences: number;
}

export class RunStats {
  readonly entries = new Map<string, LoadStats>();
  readonly aggregated: LoadStats;
  readonly history: HistoryRow[] = [];
  readonly arrivals: ArrivalCounts = { scheduled: 0, late: 0, dropped: 0 };
  readonly taskErrors = new Map<string, number>();
  readonly saturation: Saturation[] = [];
  /** Per thread and second: CPU, heap, RSS (generator-cost.ts). */
  readonly generator = new GeneratorCost();
  private readonly usersByThread = new Map<number, number>();
  /** One aggregated entry per tick, the last CURRENT_WINDOW_SECONDS of them. */
  private readonly window: LoadStats[] = [];
  private thisTick: LoadStats;

  constructor(
    /** Kata 10's statistics, as the switch chose them: the threads' reports need the same. */
    private readonly stats: LoadStatsModule,
    private readonly wall: () => number,
    readonly startedAt: number,
    /** Event-loop delay (p99, ms) above which a generator thread counts as saturated. */
    readonly maxLoopDelayMs: number,
  ) {
    this.aggregated = this.newEntry('Aggregated', '');
    this.thisTick = this.newEntry('Aggregated', '');
  }

  private newEntry(name: string, method: string): LoadStats {
    const entry = new this.stats.StatsEntry(name, method, this.wall);
    entry.startedAt = this.startedAt;
    return entry;
  }

  add(report: IntervalReport): void {
    for (const serialized of report.entries) {
      const part = this.stats.StatsEntry.deserialize(serialized, this.wall);
      const key = `${part.method} ${part.name}`;
      let entry = this.entries.get(key);
      if (!entry) {
        entry = this.newEntry(part.name, part.method);
        this.entries.set(key, entry);
      }
      entry.merge(part);
      this.aggregated.merge(part);
      this.thisTick.merge(part);
    }
    for (const [message, n] of report.taskErrors) {
      this.taskErrors.set(message, (this.taskErrors.get(message) ?? 0) + n);
    }
    this.arrivals.scheduled += report.arrivals.scheduled;
    this.arrivals.late += report.arrivals.late;
    this.arrivals.dropped += report.arrivals.dropped;
    this.usersByThread.set(report.thread, report.users);
    this.generator.add(report, this.wall());
    if (report.loopDelay.p99 > this.maxLoopDelayMs) {
      this.saturation.push({ thread: report.thread, wall: this.wall(), ...report.loopDelay });
    }
  }

  get users(): number {
    let users = 0;
    for (const n of this.usersByThread.values()) users += n;
    return users;
  }

  /** Closes one second: appends and returns its history row. */
  tick(): HistoryRow {
    this.window.push(this.thisTick);
    if (this.window.length > this.stats.CURRENT_WINDOW_SECONDS) this.window.shift();
    this.thisTick = this.newEntry('Aggregated', '');
    const recent = this.newEntry('Aggregated', '');
    for (const entry of this.window) recent.merge(entry);
    const row: HistoryRow = {
      wall: this.wall(),
      users: this.users,
      rps: this.aggregated.currentRps,
      failPerSec: this.aggregated.currentFailPerSec,
      current: recent.count > 0 ? PERCENTILES.map((p) => recent.percentile(p)) : undefined,
      total: summarize(this.aggregated),
      generator: this.generator.latest(),
    };
    this.history.push(row);
    return row;
  }

  /** Rows sorted like Locust's table (by name, then method), Aggregated last. */
  summaries(): { rows: EntrySummary[]; total: EntrySummary } {
    const rows = [...this.entries.values()]
      .sort((a, b) => a.name.localeCompare(b.name) || a.method.localeCompare(b.method))
      .map(summarize);
    return { rows, total: summarize(this.aggregated) };
  }

  failures(): FailureRow[] {
    const rows: FailureRow[] = [];
    for (const entry of this.entries.values()) {
      for (const [error, occurrences] of entry.failuresByKind) {
        rows.push({ method: entry.method, name: entry.name, error, occurrences });
      }
    }
    return rows.sort((a, b) => b.occurrences - a.occurrences);
  }
}
