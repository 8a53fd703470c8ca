// The main thread's view of a run: every thread's interval reports merged into one
// StatsEntry per request name plus "Aggregated" (histograms merged, never percentiles
// averaged), a history row per second (the aggregate, each request name, each generator
// thread's cost), and what makes the numbers suspect. In the open model a second set of
// entries holds the same requests timed from their actual send time (uncorrected).
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

/** One second of one row (a request name, or Aggregated). */
export interface EntryHistory {
  method: string;
  name: string;
  /** Over the last complete seconds (Locust's current RPS). */
  rps: number;
  failPerSec: number;
  /** PERCENTILES over the kata's current window (10 s); undefined when no request ended. */
  current: number[] | undefined;
  /** Since the start. */
  total: EntrySummary;
}

export interface HistoryRow extends EntryHistory {
  /** Epoch ms. */
  wall: number;
  users: number;
  /** Each request name, sorted like the final table. */
  entries: EntryHistory[];
  /** What each generator thread cost in its last report (CPU, heap, RSS). */
  generator: GeneratorSample[];
}

export interface Saturation {
  thread: number;
  wall: number;
  p99: number;
  max: number;
}

/** A task's exception, as Locust's _exceptions.csv lists them. */
export interface TaskErrorRow {
  message: string;
  count: number;
  /** The first occurrence's stack frames. */
  traceback: string;
}

export interface FailureRow {
  method: string;
  name: string;
  error: string;
  occurrences: number;
}

/** Locust sorts by (name, method) in code-point order. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedEntries(entries: Map<string, LoadStats>): LoadStats[] {
  return [...entries.values()].sort(
    (a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.method, b.method),
  );
}

export class RunStats {
  readonly entries = new Map<string, LoadStats>();
  readonly aggregated: LoadStats;
  readonly history: HistoryRow[] = [];
  readonly arrivals: ArrivalCounts = { scheduled: 0, late: 0, dropped: 0 };
  /** Open model: the same requests timed from their actual send time (wrk2's --u_latency). */
  readonly uncorrected = new Map<string, LoadStats>();
  readonly uncorrectedAggregated: LoadStats;
  readonly taskErrors = new Map<string, { count: number; traceback: string }>();
  readonly saturation: Saturation[] = [];
  /** Per thread and second: CPU, heap, RSS (generator-cost.ts). */
  readonly generator = new GeneratorCost();
  private readonly usersByThread = new Map<number, number>();
  /** Per row (key, or '' for Aggregated): one entry per tick, the last CURRENT_WINDOW_SECONDS. */
  private readonly windows = new Map<string, { thisTick: LoadStats; window: LoadStats[] }>();

  constructor(
    /** Kata 10's statistics, as the switch chose them: the threads' reports need the same. */
    private readonly stats: LoadStatsModule,
    private readonly wall: () => number,
    readonly startedAt: number,
    /** Event-loop delay (p99, ms) above which a generator thread counts as saturated. */
    readonly maxLoopDelayMs: number,
  ) {
    this.aggregated = this.newEntry('Aggregated', '');
    this.uncorrectedAggregated = this.newEntry('Aggregated', '');
  }

  private newEntry(name: string, method: string): LoadStats {
    const entry = new this.stats.StatsEntry(name, method, this.wall);
    entry.startedAt = this.startedAt;
    return entry;
  }

  /** The entry for `part`'s row in `entries`, created on first sight. */
  private entryFor(entries: Map<string, LoadStats>, part: LoadStats): LoadStats {
    const key = `${part.method} ${part.name}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = this.newEntry(part.name, part.method);
      entries.set(key, entry);
    }
    return entry;
  }

  /** This tick's entry of a row ('' is Aggregated), for the current-window percentiles. */
  private tickEntry(key: string, name: string, method: string): LoadStats {
    let row = this.windows.get(key);
    if (!row) {
      row = { thisTick: this.newEntry(name, method), window: [] };
      this.windows.set(key, row);
    }
    return row.thisTick;
  }

  add(report: IntervalReport): void {
    for (const serialized of report.entries) {
      const part = this.stats.StatsEntry.deserialize(serialized, this.wall);
      this.entryFor(this.entries, part).merge(part);
      this.aggregated.merge(part);
      this.tickEntry(`${part.method} ${part.name}`, part.name, part.method).merge(part);
      this.tickEntry('', 'Aggregated', '').merge(part);
    }
    for (const serialized of report.uncorrected ?? []) {
      const part = this.stats.StatsEntry.deserialize(serialized, this.wall);
      this.entryFor(this.uncorrected, part).merge(part);
      this.uncorrectedAggregated.merge(part);
    }
    for (const [message, n, traceback] of report.taskErrors) {
      const seen = this.taskErrors.get(message);
      if (seen) seen.count += n;
      else this.taskErrors.set(message, { count: n, traceback });
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

  /** Closes this second of one row: its current-window percentiles and rates. */
  private closeTick(key: string, entry: LoadStats): EntryHistory {
    const row = this.windows.get(key);
    let current: number[] | undefined;
    if (row) {
      row.window.push(row.thisTick);
      if (row.window.length > this.stats.CURRENT_WINDOW_SECONDS) row.window.shift();
      row.thisTick = this.newEntry(entry.name, entry.method);
      const recent = this.newEntry(entry.name, entry.method);
      for (const part of row.window) recent.merge(part);
      if (recent.count > 0) current = PERCENTILES.map((p) => recent.percentile(p));
    }
    return {
      method: entry.method,
      name: entry.name,
      rps: entry.currentRps,
      failPerSec: entry.currentFailPerSec,
      current,
      total: summarize(entry),
    };
  }

  /** Closes one second: appends and returns its history row. */
  tick(): HistoryRow {
    const entries = sortedEntries(this.entries).map((entry) =>
      this.closeTick(`${entry.method} ${entry.name}`, entry),
    );
    const row: HistoryRow = {
      ...this.closeTick('', this.aggregated),
      wall: this.wall(),
      users: this.users,
      entries,
      generator: this.generator.latest(),
    };
    this.history.push(row);
    return row;
  }

  /** Rows sorted like Locust's table (by name, then method), Aggregated last. */
  summaries(): { rows: EntrySummary[]; total: EntrySummary } {
    return { rows: sortedEntries(this.entries).map(summarize), total: summarize(this.aggregated) };
  }

  /** The open model's uncorrected rows, or undefined when none were recorded (closed model). */
  uncorrectedSummaries(): { rows: EntrySummary[]; total: EntrySummary } | undefined {
    if (this.uncorrectedAggregated.count === 0) return undefined;
    return {
      rows: sortedEntries(this.uncorrected).map(summarize),
      total: summarize(this.uncorrectedAggregated),
    };
  }

  /** Task exceptions, most frequent first. */
  exceptions(): TaskErrorRow[] {
    return [...this.taskErrors]
      .map(([message, { count, traceback }]) => ({ message, count, traceback }))
      .sort((a, b) => b.count - a.count);
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
