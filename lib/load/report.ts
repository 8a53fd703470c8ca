// Everything a finished run reports, whatever the format: the run's settings, its
// statistics, the thresholds' verdicts, and the warnings that make numbers suspect.
import { formatMs, formatPercent } from './format.ts';
import { generatorWarning } from './generator-cost.ts';
import type { RunResult } from './run.ts';
import type { EntrySummary, FailureRow } from './run-stats.ts';
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
  thresholds: ThresholdResult[];
  warnings: string[];
}

export function buildReport(meta: RunMeta, result: RunResult, thresholds: Threshold[]): Report {
  const { rows, total } = result.stats.summaries();
  return {
    meta,
    result,
    rows,
    total,
    failures: result.stats.failures(),
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
  const taskErrors = [...stats.taskErrors].sort((a, b) => b[1] - a[1]);
  if (taskErrors.length > 0) {
    const total = taskErrors.reduce((sum, [, n]) => sum + n, 0);
    const [message, n] = taskErrors[0]!;
    warnings.push(`Tasks threw ${total} exception(s), most often (${n}×) ${message}`);
  }
  return warnings;
}

export function thresholdLines(results: ThresholdResult[]): string[] {
  return results.map(({ threshold, actual, passed }) => {
    const shown = threshold.label === 'failure ratio' ? formatPercent(actual) : formatMs(actual);
    return `${passed ? 'ok     ' : 'BREACH '} ${threshold.text}  (${threshold.label}: ${shown})`;
  });
}
