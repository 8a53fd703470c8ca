// The load tool's view of kata 10's statistics. The tool records, merges, serializes and reads
// latencies only through these interfaces, and gets the class through the kata/reference
// switch: the reference by default, the learner's katas/10-load-tester/stats.ts with `--kata`
// (in every worker thread too), a substituted module with KATA_SUBSTITUTE. Every member here
// is one the kata teaches; nothing else is asked of the learner's code.
import { importTarget } from '../target/import-target.ts';
import { resolveTargetModule, type TargetSelection, toolSelection } from '../target/target.ts';

/** `<kata>/<module>` of the statistics, for the switch. */
export const STATS_MODULE = '10-load-tester/stats';

/**
 * What a thread posts to the coordinator. Opaque to the tool: structured-clone data that only
 * the same module's `deserialize` reads (the stub's shape differs from the reference's).
 */
export type SerializedStats = unknown;

/** One request name's statistics (or the aggregate). Times in ms, sizes in bytes. */
export interface LoadStats {
  readonly name: string;
  readonly method: string;
  /** A clock reading; the coordinator sets it to the run's start. */
  startedAt: number;
  /** Every request that ended, failed or not (as Locust). */
  log(responseTimeMs: number, contentLength: number): void;
  /** Additionally, for a failed request, by kind. */
  logFailure(kind: string): void;
  readonly count: number;
  readonly failures: number;
  readonly failuresByKind: ReadonlyMap<string, number>;
  readonly min: number;
  readonly max: number;
  readonly avg: number;
  readonly median: number;
  /** p in 0 … 100. */
  percentile(p: number): number;
  readonly avgContentLength: number;
  readonly totalRps: number;
  readonly totalFailPerSec: number;
  readonly currentRps: number;
  readonly currentFailPerSec: number;
  /** Adds `other` in: an entry of the same class. */
  merge(other: LoadStats): void;
  reset(): void;
  serialize(): SerializedStats;
}

export interface LoadStatsClass {
  new (name: string, method: string, clock: () => number): LoadStats;
  deserialize(serialized: SerializedStats, clock: () => number): LoadStats;
}

/** The module the switch resolves `10-load-tester/stats` to. */
export interface LoadStatsModule {
  StatsEntry: LoadStatsClass;
  /** Current RPS covers this many complete seconds; so do the "current" percentiles. */
  CURRENT_WINDOW_SECONDS: number;
}

/** Imports the statistics under the selection (the reference unless told otherwise). */
export async function loadStatsModule(
  selection: TargetSelection = toolSelection(false),
): Promise<LoadStatsModule> {
  const file = resolveTargetModule(STATS_MODULE, selection);
  const module = await importTarget<Partial<LoadStatsModule>>(STATS_MODULE, selection);
  const { StatsEntry, CURRENT_WINDOW_SECONDS } = module;
  if (typeof StatsEntry !== 'function' || typeof StatsEntry.deserialize !== 'function') {
    throw new TypeError(`${file} must export the class StatsEntry with a static deserialize`);
  }
  if (typeof CURRENT_WINDOW_SECONDS !== 'number') {
    throw new TypeError(`${file} must export CURRENT_WINDOW_SECONDS`);
  }
  return { StatsEntry, CURRENT_WINDOW_SECONDS };
}
