// One thread's statistics for the current interval: a StatsEntry per (method, name), plus
// the exceptions tasks threw. Drained once a second into a structured-clone friendly report.
// In the open model a second set of entries records the same requests timed from their
// actual send time (wrk2's uncorrected latency), beside the corrected ones; both are plain
// kata 10 entries, so the learner's class needs nothing more.
import type { RequestRecorder } from './client.ts';
import type { LoadStats, LoadStatsClass, SerializedStats } from './kata-stats.ts';

export interface DrainedStats {
  entries: SerializedStats[];
  /** Open model: the same requests, timed from the actual send time. */
  uncorrected?: SerializedStats[];
  /** Task exceptions (not requests): message, count, the first one's stack frames. */
  taskErrors: [string, number, string][];
}

/** A StatsEntry per (method, name), the last one used checked first. */
class EntrySet {
  private readonly byMethod = new Map<string, Map<string, LoadStats>>();
  private last: LoadStats | undefined;

  constructor(
    private readonly StatsEntry: LoadStatsClass,
    private readonly wall: () => number,
  ) {}

  /** A scenario mostly repeats one request: the last entry is checked before the maps. */
  entry(method: string, name: string): LoadStats {
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

  /** Everything since the last drain; entries are reset and reused (their histograms are big). */
  drain(): SerializedStats[] {
    const entries: SerializedStats[] = [];
    for (const byName of this.byMethod.values()) {
      for (const entry of byName.values()) {
        if (entry.count === 0) continue;
        entries.push(entry.serialize());
        entry.reset();
      }
    }
    return entries;
  }
}

/** The stack frames of an error (its first line is the message, kept apart). */
function framesOf(error: unknown): string {
  const stack = error instanceof Error ? error.stack : undefined;
  return stack ? stack.split('\n').slice(1).join('\n') : '';
}

export class Recorder implements RequestRecorder {
  private readonly corrected: EntrySet;
  private readonly sent: EntrySet | undefined;
  private taskErrors = new Map<string, [number, string]>();

  constructor(
    /** Kata 10's StatsEntry, as the switch chose it. */
    StatsEntry: LoadStatsClass,
    wall: () => number,
    /** Open model: also record each request timed from its actual send time. */
    { uncorrected = false } = {},
  ) {
    this.corrected = new EntrySet(StatsEntry, wall);
    this.sent = uncorrected ? new EntrySet(StatsEntry, wall) : undefined;
  }

  record(
    method: string,
    name: string,
    ms: number,
    bytes: number,
    failure?: string,
    sentMs?: number,
  ): void {
    const entry = this.corrected.entry(method, name);
    entry.log(ms, bytes);
    if (failure !== undefined) entry.logFailure(failure);
    if (this.sent !== undefined) {
      const sent = this.sent.entry(method, name);
      sent.log(sentMs ?? ms, bytes);
      if (failure !== undefined) sent.logFailure(failure);
    }
  }

  taskError(error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const seen = this.taskErrors.get(message);
    if (seen) seen[0]++;
    else this.taskErrors.set(message, [1, framesOf(error)]);
  }

  /** Everything since the last drain. */
  drain(): DrainedStats {
    const taskErrors = [...this.taskErrors].map(
      ([message, [n, traceback]]): [string, number, string] => [message, n, traceback],
    );
    this.taskErrors = new Map();
    const drained: DrainedStats = { entries: this.corrected.drain(), taskErrors };
    if (this.sent !== undefined) drained.uncorrected = this.sent.drain();
    return drained;
  }
}
