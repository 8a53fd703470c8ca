// What the load generator costs, per load thread and second, as the course watched it with
// `docker stats`: CPU as a share of one core (each thread reads its own /proc line,
// cpu-usage.ts), its V8 heap, and the process's RSS. A thread that stays above 90 % of a core
// is the bottleneck: its latencies include its own queueing, whatever the server does.
import { SATURATED_SHARE } from './cpu-usage.ts';
import type { IntervalReport } from './runner.ts';

/** Seconds in a row above SATURATED_SHARE before a thread counts as saturated. */
export const SATURATED_SECONDS = 3;

/** One thread's one-second report. */
export interface GeneratorSample {
  /** Epoch ms when the coordinator received it. */
  wall: number;
  thread: number;
  /** CPU over the interval as a share of one core (1 = a whole core); undefined off Linux. */
  cpu: number | undefined;
  /** The thread's V8 heap in use (each worker thread has its own). */
  heapUsedBytes: number | undefined;
  /** The whole process's resident memory (every thread shares it). */
  rssBytes: number | undefined;
}

/** One thread over the whole run. */
export interface ThreadCost {
  thread: number;
  /** CPU seconds over wall seconds; undefined off Linux. */
  cpuAvg: number | undefined;
  cpuMax: number | undefined;
  heapMaxBytes: number | undefined;
  /** The longest run of consecutive seconds above SATURATED_SHARE. */
  secondsAboveLimit: number;
  /** Stayed above SATURATED_SHARE for SATURATED_SECONDS in a row. */
  saturated: boolean;
}

interface Totals {
  cpuSeconds: number;
  wallSeconds: number;
  cpuMax: number | undefined;
  heapMaxBytes: number | undefined;
  streak: number;
  longestStreak: number;
}

const larger = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

export class GeneratorCost {
  /** Every report, in arrival order: the CSV's and the HTML chart's rows. */
  readonly samples: GeneratorSample[] = [];
  private readonly latestByThread = new Map<number, GeneratorSample>();
  private readonly totals = new Map<number, Totals>();
  rssMaxBytes: number | undefined;

  add(report: IntervalReport, wall: number): void {
    const cpu = report.cpu && report.cpu.wallSeconds > 0 ? report.cpu : undefined;
    const share = cpu ? cpu.cpuSeconds / cpu.wallSeconds : undefined;
    const sample: GeneratorSample = {
      wall,
      thread: report.thread,
      cpu: share,
      heapUsedBytes: report.heapUsedBytes,
      rssBytes: report.rssBytes,
    };
    this.samples.push(sample);
    this.latestByThread.set(report.thread, sample);
    this.rssMaxBytes = larger(this.rssMaxBytes, report.rssBytes);
    let totals = this.totals.get(report.thread);
    if (totals === undefined) {
      totals = {
        cpuSeconds: 0,
        wallSeconds: 0,
        cpuMax: undefined,
        heapMaxBytes: undefined,
        streak: 0,
        longestStreak: 0,
      };
      this.totals.set(report.thread, totals);
    }
    if (cpu) {
      totals.cpuSeconds += cpu.cpuSeconds;
      totals.wallSeconds += cpu.wallSeconds;
    }
    totals.cpuMax = larger(totals.cpuMax, share);
    totals.heapMaxBytes = larger(totals.heapMaxBytes, report.heapUsedBytes);
    totals.streak = share !== undefined && share > SATURATED_SHARE ? totals.streak + 1 : 0;
    totals.longestStreak = Math.max(totals.longestStreak, totals.streak);
  }

  /** Each thread's last report, in thread order: the live line. */
  latest(): GeneratorSample[] {
    return [...this.latestByThread.values()].sort((a, b) => a.thread - b.thread);
  }

  /** Each thread over the run, in thread order: the final table. */
  threads(): ThreadCost[] {
    return [...this.totals]
      .sort(([a], [b]) => a - b)
      .map(([thread, t]) => ({
        thread,
        cpuAvg: t.wallSeconds > 0 ? t.cpuSeconds / t.wallSeconds : undefined,
        cpuMax: t.cpuMax,
        heapMaxBytes: t.heapMaxBytes,
        secondsAboveLimit: t.longestStreak,
        saturated: t.longestStreak >= SATURATED_SECONDS,
      }));
  }
}

export const formatMegabytes = (bytes: number | undefined) =>
  bytes === undefined ? '-' : `${Math.round(bytes / 2 ** 20)} MB`;

/** A share of one core as docker stats shows it: "97 %"; above 100 % only with helper threads. */
const formatCpu = (share: number | undefined) =>
  share === undefined ? '- %' : `${Math.round(share * 100)} %`;

/**
 * "gen CPU 97 %, heap 41 MB, RSS 120 MB"; several threads: "gen t0 97 % 41 MB, t1 45 % 38 MB,
 * RSS 160 MB"; more than four: the busiest thread and the heaps summed.
 */
export function generatorLiveField(latest: GeneratorSample[]): string | undefined {
  if (latest.length === 0) return undefined;
  const rss = `RSS ${formatMegabytes(Math.max(...latest.map((s) => s.rssBytes ?? 0)) || undefined)}`;
  if (latest.length === 1) {
    const [only] = latest as [GeneratorSample];
    return `gen CPU ${formatCpu(only.cpu)}, heap ${formatMegabytes(only.heapUsedBytes)}, ${rss}`;
  }
  if (latest.length <= 4) {
    const threads = latest.map(
      (s) => `t${s.thread} ${formatCpu(s.cpu)} ${formatMegabytes(s.heapUsedBytes)}`,
    );
    return `gen ${threads.join(', ')}, ${rss}`;
  }
  const busiest = Math.max(...latest.map((s) => s.cpu ?? 0));
  const heap = latest.reduce((sum, s) => sum + (s.heapUsedBytes ?? 0), 0);
  return `gen ${latest.length} threads, max CPU ${formatCpu(busiest)}, heap ${formatMegabytes(heap)} in all, ${rss}`;
}

/** "generator: thread 0 97 % CPU, heap 41 MB — saturated", one line per thread, then the RSS. */
export function generatorLines(cost: GeneratorCost): string[] {
  const lines = cost
    .threads()
    .map(
      (t) =>
        `generator: thread ${t.thread} ${formatCpu(t.cpuAvg)} CPU (max ${formatCpu(t.cpuMax)}), ` +
        `heap ${formatMegabytes(t.heapMaxBytes)}` +
        (t.saturated ? ` — saturated (above 90 % of a core for ${t.secondsAboveLimit} s)` : ''),
    );
  if (cost.rssMaxBytes !== undefined) {
    lines.push(`generator: process RSS ${formatMegabytes(cost.rssMaxBytes)} (peak)`);
  }
  return lines;
}

/** The warning beside the event-loop-delay one, or undefined. */
export function generatorWarning(cost: GeneratorCost): string | undefined {
  const saturated = cost.threads().filter((t) => t.saturated);
  if (saturated.length === 0) return undefined;
  const which = saturated
    .map((t) => `thread ${t.thread}: ${t.secondsAboveLimit} s, max ${formatCpu(t.cpuMax)}`)
    .join('; ');
  return (
    `The load generator used more than ${formatCpu(SATURATED_SHARE)} of a core for ` +
    `${SATURATED_SECONDS} s or longer (${which}), as Locust warns: it was the bottleneck, and ` +
    'its numbers include its own queueing. Use more --workers, fewer users, or another machine.'
  );
}
