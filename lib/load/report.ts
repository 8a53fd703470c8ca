// Everything a finished run reports, whatever the format: the run's settings, its
// statistics, the thresholds' verdicts, and the warnings that make numbers suspect.
import { formatMs, formatPercent } from './format.ts';
import { generatorWarning } from './generator-cost.ts';
import type { RunResult } from './run.ts';
import { type EntrySummary, type FailureRow, PERCENTILES, type TaskErrorRow } from './run-stats.ts';
import { LATE_MS, MAX_BACKLOG_SECONDS } from './runner.ts';
import { evaluateThresholds, type Threshold, type ThresholdResult } from './thresholds.ts';
import type { ClientKind } from './transport.ts';
import { formatDuration } from './units.ts';

export interface RunMeta {
  host: string;
  scenario: string;
  users: number;
  spawnRate: number;
  /** Open model when set. */
  rate?: number;
  runTimeMs: number;
  workers: number;
  seed: number;
  client: ClientKind;
  maxLoopDelayMs: number;
}

export interface Report {
  meta: RunMeta;
  result: RunResult;
  rows: EntrySummary[];
  total: EntrySummary;
  failures: FailureRow[];
  /** Task exceptions (Locust's _exceptions.csv). */
  exceptions: TaskErrorRow[];
  /** Open model only: the same requests timed from their actual send time. */
  uncorrected?: { rows: EntrySummary[]; total: EntrySummary };
  thresholds: ThresholdResult[];
  warnings: string[];
}

export function buildReport(meta: RunMeta, result: RunResult, thresholds: Threshold[]): Report {
  const { rows, total } = result.stats.summaries();
  const uncorrected = result.stats.uncorrectedSummaries();
  return {
    meta,
    result,
    rows,
    total,
    failures: result.stats.failures(),
    exceptions: result.stats.exceptions(),
    ...(uncorrected ? { uncorrected } : {}),
    thresholds: evaluateThresholds(thresholds, result.stats.aggregated),
    warnings: warningsOf(meta, result),
  };
}

export function modelOf(meta: RunMeta): string {
  return meta.rate
    ? `open model: ${meta.rate}/s arrivals over ${meta.users} users, latency from the intended send time`
    : `closed model: ${meta.users} users, spawn rate ${meta.spawnRate}/s`;
}

function warningsOf(meta: RunMeta, result: RunResult): string[] {
  const { stats } = result;
  const warnings: string[] = [];
  const ranMs = result.endedAt - result.startedAt;
  if (result.interrupted) {
    const planned = Number.isFinite(meta.runTimeMs) ? ` of ${formatDuration(meta.runTimeMs)}` : '';
    warnings.push(
      `Interrupted after ${formatDuration(ranMs)}${planned}: the figures cover that part only.`,
    );
  }
  if (stats.saturation.length > 0) {
    const worst = Math.max(...stats.saturation.map((s) => s.p99));
    const threads = [...new Set(stats.saturation.map((s) => s.thread))].sort((a, b) => a - b);
    warnings.push(
      `The load generator saturated itself: event-loop delay p99 above ${meta.maxLoopDelayMs} ms ` +
        `in ${stats.saturation.length} interval(s) (worst ${formatMs(worst)} ms; thread ` +
        `${threads.join(', ')}). Its response times include its own queueing: these numbers ` +
        'are suspect. Use fewer users, more --workers, or another machine.',
    );
  }
  const busy = generatorWarning(stats.generator);
  if (busy) warnings.push(busy);
  const { scheduled, late, dropped } = stats.arrivals;
  if (meta.rate && late > 0) {
    warnings.push(
      `${late} of ${scheduled} arrivals (${formatPercent(late / scheduled)}) started more than ` +
        `${LATE_MS} ms after their intended time (no idle user, or a late generator); their ` +
        'latency counts from the intended time.',
    );
  }
  if (meta.rate && dropped > 0) {
    warnings.push(
      `${dropped} of ${scheduled} arrivals (${formatPercent(dropped / scheduled)}) were dropped: ` +
        `${MAX_BACKLOG_SECONDS} s of arrivals were already waiting. The target did not keep up ` +
        `with ${meta.rate}/s.`,
    );
  }
  const exceptions = stats.exceptions();
  if (exceptions.length > 0) {
    const total = exceptions.reduce((sum, { count }) => sum + count, 0);
    const { message, count } = exceptions[0]!;
    warnings.push(`Tasks threw ${total} exception(s), most often (${count}×) ${message}`);
  }
  return warnings;
}

export function thresholdLines(results: ThresholdResult[]): string[] {
  return results.map(({ threshold, actual, passed }) => {
    const shown = threshold.label === 'failure ratio' ? formatPercent(actual) : formatMs(actual);
    return `${passed ? 'ok     ' : 'BREACH '} ${threshold.text}  (${threshold.label}: ${shown})`;
  });
}

/** The percentiles shown side by side, corrected and uncorrected, as wrk2's --u_latency. */
export const SIDE_BY_SIDE = [50, 95, 99, 99.9] as const;

export interface SideBySideRow {
  method: string;
  name: string;
  /** 'corrected' (from the intended send time) or 'uncorrected' (from the actual send time). */
  timing: 'corrected' | 'uncorrected';
  /** SIDE_BY_SIDE then max, in ms. */
  values: number[];
  count: number;
}

/** The one line that says what the gap between the two sets is. */
export const GAP_EXPLAINED =
  'Corrected counts from the intended send time, uncorrected from the actual one (what a ' +
  'closed-loop tool reports); the gap is time spent waiting for a free user or a late ' +
  'generator: the coordinated omission the uncorrected figures hide.';

/** Each row's corrected figures above its uncorrected ones; empty in the closed model. */
export function sideBySideRows(report: Report): SideBySideRow[] {
  const { uncorrected } = report;
  if (!uncorrected) return [];
  const pick = (row: EntrySummary, timing: SideBySideRow['timing']): SideBySideRow => ({
    method: row.method,
    name: row.name,
    timing,
    values: [...SIDE_BY_SIDE.map((p) => row.percentiles[PERCENTILES.indexOf(p)]!), row.max],
    count: row.count,
  });
  const sent = new Map(uncorrected.rows.map((row) => [`${row.method} ${row.name}`, row]));
  const rows: SideBySideRow[] = [];
  for (const row of [...report.rows, report.total]) {
    const other = row === report.total ? uncorrected.total : sent.get(`${row.method} ${row.name}`);
    rows.push(pick(row, 'corrected'));
    if (other) rows.push(pick(other, 'uncorrected'));
  }
  return rows;
}
