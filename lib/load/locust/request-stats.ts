// A worker's statistics between two `stats` messages, as Locust's RequestStats keeps them: one
// StatsEntry per (name, method), the Aggregated total, and the errors. It is what LoadClient
// records into in worker mode (it has the Recorder's `record`), from the raw times.
import type { RequestRecorder } from '../client.ts';
import { LocustStatsEntry, type StatsEntryDict } from './stats-entry.ts';
import { type StatsErrorDict, statsError, statsErrorKey } from './stats-error.ts';

/** The statistics part of a `stats` message (stats.py, on_report_to_master). */
export interface StatsReport {
  stats: StatsEntryDict[];
  stats_total: StatsEntryDict;
  errors: Record<string, StatsErrorDict>;
}

export class RequestStats implements RequestRecorder {
  private entries = new Map<string, LocustStatsEntry>();
  private total: LocustStatsEntry;
  private errors = new Map<string, StatsErrorDict>();

  constructor(private readonly wall: () => number = Date.now) {
    this.total = new LocustStatsEntry('Aggregated', '', wall);
  }

  record(method: string, name: string, ms: number, bytes: number, failure?: string): void {
    const key = `${method} ${name}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = new LocustStatsEntry(name, method, this.wall);
      this.entries.set(key, entry);
    }
    entry.log(ms, bytes);
    this.total.log(ms, bytes);
    if (failure === undefined) return;
    entry.logError();
    this.total.logError();
    const errorKey = statsErrorKey(method, name, failure);
    let error = this.errors.get(errorKey);
    if (!error) {
      error = statsError(method, name, failure);
      this.errors.set(errorKey, error);
    }
    error.occurrences++;
  }

  /** Everything since the last report; entries are reset, errors cleared (as Locust's worker). */
  report(): StatsReport {
    const stats: StatsEntryDict[] = [];
    for (const entry of this.entries.values()) {
      // serialize_stats skips entries with neither requests nor failures.
      if (entry.numRequests === 0 && entry.numFailures === 0) continue;
      stats.push(entry.strip());
    }
    const errors = Object.fromEntries(this.errors);
    this.errors = new Map();
    return { stats, stats_total: this.total.strip(), errors };
  }

  /** A new test: no entries at all (clear_all). */
  clear(): void {
    this.entries = new Map();
    this.total = new LocustStatsEntry('Aggregated', '', this.wall);
    this.errors = new Map();
  }
}
