// The report's charts as data (chart-data.ts) from a finished run's history: requests/s and
// failures/s, the Aggregated p50/p95/p99, each request name's p95 and req/s, users, and each
// generator thread's CPU. Every series is one value per history row (one a second).
import type { GeneratorSample } from '../generator-cost.ts';
import type { Report } from '../report.ts';
import { type EntryHistory, type HistoryRow, PERCENTILES } from '../run-stats.ts';
import type { ChartData, ChartSeries } from './chart-data.ts';

/** Distinct on white, in order of appearance (per-name and per-thread lines cycle through it). */
export const PALETTE = [
  '#1f6feb',
  '#bf8700',
  '#8250df',
  '#2da44e',
  '#cf222e',
  '#0a7c86',
  '#a0522d',
  '#6e7781',
];

const colorAt = (i: number) => PALETTE[i % PALETTE.length]!;

const percentileOf = (row: EntryHistory | undefined, p: (typeof PERCENTILES)[number]) =>
  row?.current?.[PERCENTILES.indexOf(p)] ?? null;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The request names in the order the final table lists them. */
function names(history: HistoryRow[]): string[] {
  const seen = new Set<string>();
  for (const row of history) for (const e of row.entries) seen.add(`${e.method} ${e.name}`);
  return [...seen];
}

function perName(
  history: HistoryRow[],
  value: (entry: EntryHistory | undefined) => number | null,
): ChartSeries[] {
  return names(history).map((key, i) => ({
    label: key,
    color: colorAt(i),
    values: history.map((row) => value(row.entries.find((e) => `${e.method} ${e.name}` === key))),
  }));
}

/** One series per generator thread, from each history row's latest per-thread samples. */
export function threadSeries(
  history: HistoryRow[],
  value: (sample: GeneratorSample) => number | undefined,
  label = (thread: number) => `thread ${thread}`,
): ChartSeries[] {
  const threads = [...new Set(history.flatMap((row) => row.generator.map((t) => t.thread)))].sort(
    (a, b) => a - b,
  );
  return threads.map((thread, i) => ({
    label: label(thread),
    color: colorAt(i),
    values: history.map((row) => {
      const sample = row.generator.find((t) => t.thread === thread);
      const v = sample && value(sample);
      return v === undefined ? null : v;
    }),
  }));
}

export function reportCharts(report: Report): ChartData[] {
  const { history } = report.result.stats;
  const start = report.result.startedAt;
  const x = history.map((row) => round((row.wall - start) / 1000, 1));
  const chart = (id: string, title: string, unit: string, series: ChartSeries[]): ChartData => ({
    id,
    title,
    unit,
    x,
    series,
  });
  const charts = [
    chart('rps', 'Requests per second (last 10 s)', 'req/s', [
      { label: 'all requests', color: '#1f6feb', values: history.map((r) => round(r.rps, 2)) },
      { label: 'failures', color: '#cf222e', values: history.map((r) => round(r.failPerSec, 2)) },
    ]),
    chart('percentiles', 'Response time, all requests (last 10 s)', 'ms', [
      { label: 'p50', color: '#2da44e', values: history.map((r) => percentileOf(r, 50)) },
      { label: 'p95', color: '#bf8700', values: history.map((r) => percentileOf(r, 95)) },
      { label: 'p99', color: '#cf222e', values: history.map((r) => percentileOf(r, 99)) },
    ]),
    chart(
      'p95-by-name',
      'p95 per request name (last 10 s)',
      'ms',
      perName(history, (e) => percentileOf(e, 95)),
    ),
    chart(
      'rps-by-name',
      'Requests per second per request name (last 10 s)',
      'req/s',
      perName(history, (e) => (e ? round(e.rps, 2) : null)),
    ),
    chart('users', 'Users', 'users', [
      { label: 'users', color: '#8250df', values: history.map((r) => r.users) },
    ]),
  ];
  const cpu = threadSeries(history, (t) =>
    t.cpu === undefined ? undefined : round(t.cpu * 100, 1),
  );
  if (cpu.some((s) => s.values.some((v) => v !== null))) {
    charts.push(chart('generator-cpu', 'Load generator CPU per thread', '% of a core', cpu));
  }
  const mb = (bytes: number | undefined) =>
    bytes === undefined ? undefined : round(bytes / 2 ** 20, 1);
  const heap = threadSeries(
    history,
    (t) => mb(t.heapUsedBytes),
    (n) => `heap, thread ${n}`,
  );
  const rss = history.map((row) => {
    const bytes = row.generator.find((t) => t.rssBytes !== undefined)?.rssBytes;
    return bytes === undefined ? null : round(bytes / 2 ** 20, 1);
  });
  if (heap.length > 0 || rss.some((v) => v !== null)) {
    const process = { label: 'process RSS', color: '#6e7781', values: rss, dash: true };
    charts.push(chart('generator-memory', 'Load generator memory', 'MB', [...heap, process]));
  }
  return charts;
}
