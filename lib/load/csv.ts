// CSV files in the format Locust 2.12.1 writes, so Locust's tooling (and habits) apply:
// <prefix>_stats.csv, <prefix>_stats_history.csv, <prefix>_failures.csv, <prefix>_exceptions.csv.
// Format, not values: Python's csv module (CRLF after every row, quotes only where needed),
// Python's number formatting (counts, medians and percentiles as integers, other times as
// floats, "N/A" for an entry without requests, rates in the history as "%f"), a history row at
// time 0 before any request, and with `fullHistory` (--csv-full-history) one history row per
// request name before each Aggregated one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { percentileLabel } from './format.ts';
import type { Report } from './report.ts';
import { type EntryHistory, type EntrySummary, PERCENTILES } from './run-stats.ts';

/** Python's csv.writer ends every row with CRLF, even on Linux. */
export const CSV_EOL = '\r\n';

/** Python's repr of a float: shortest round trip, with ".0" on whole numbers. */
export function pythonFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : value < 0 ? '-inf' : 'nan';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    // JavaScript writes 1e-7 and 1e+21 too, but Python switches to exponents at 1e-4 and 1e16.
    const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
    const power = Number(exponent);
    return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  return String(value);
}

/** Locust's integer columns (`int(...)` of its rounded response times). */
const pythonInt = (value: number) => String(Math.round(value));

/** Python's f"{x:2f}": six decimals. */
const pythonFixed = (value: number) => value.toFixed(6);

/** Python's csv.QUOTE_MINIMAL: quoted only with a comma, a quote or a line break inside. */
function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: string[]) => cells.map(csvCell).join(',') + CSV_EOL;

const PERCENTILE_HEADERS = PERCENTILES.map(percentileLabel);

export const STATS_HEADER = [
  'Type',
  'Name',
  'Request Count',
  'Failure Count',
  'Median Response Time',
  'Average Response Time',
  'Min Response Time',
  'Max Response Time',
  'Average Content Size',
  'Requests/s',
  'Failures/s',
  ...PERCENTILE_HEADERS,
];

export const HISTORY_HEADER = [
  'Timestamp',
  'User Count',
  'Type',
  'Name',
  'Requests/s',
  'Failures/s',
  ...PERCENTILE_HEADERS,
  'Total Request Count',
  'Total Failure Count',
  'Total Median Response Time',
  'Total Average Response Time',
  'Total Min Response Time',
  'Total Max Response Time',
  'Total Average Content Size',
];

export const FAILURES_HEADER = ['Method', 'Name', 'Error', 'Occurrences'];

export const EXCEPTIONS_HEADER = ['Count', 'Message', 'Traceback', 'Nodes'];

const NOT_AVAILABLE = PERCENTILES.map(() => 'N/A');

/** Percentile cells: integers, or N/A for an entry that has no requests (as Locust). */
const percentileCells = (count: number, values: number[] | undefined) =>
  count === 0 ? NOT_AVAILABLE : PERCENTILES.map((_, i) => pythonInt(values?.[i] ?? 0));

/**
 * Count, failures, median, average, min, max, average size, typed as Locust types them: before
 * the first request its min, max and size are the integer 0 and its average the float 0.0.
 */
function totalCells(row: EntrySummary): string[] {
  const none = row.count === 0;
  const time = (ms: number) => (none ? '0' : pythonFloat(ms));
  return [
    String(row.count),
    String(row.failures),
    pythonInt(row.median),
    pythonFloat(row.avg),
    time(row.min),
    time(row.max),
    time(row.avgSize),
  ];
}

export function statsCsv(report: Report): string {
  const line = (row: EntrySummary) => {
    const [count, failures, median, avg, min, max, size] = totalCells(row) as [string, ...string[]];
    return csvLine([
      row.method,
      row.name,
      count,
      failures!,
      median!,
      avg!,
      min!,
      max!,
      size!,
      pythonFloat(row.rps),
      pythonFloat(row.failPerSec),
      ...percentileCells(row.count, row.percentiles),
    ]);
  };
  return [csvLine(STATS_HEADER), ...report.rows.map(line), line(report.total)].join('');
}

/** What Locust writes before the first request: users 0, no percentiles, every total 0. */
function timeZeroRow(report: Report): EntryHistory {
  const { total } = report;
  const empty: EntrySummary = {
    ...total,
    count: 0,
    failures: 0,
    avg: 0,
    min: 0,
    max: 0,
    median: 0,
    avgSize: 0,
    rps: 0,
    failPerSec: 0,
    percentiles: [],
  };
  return {
    method: '',
    name: 'Aggregated',
    rps: 0,
    failPerSec: 0,
    current: undefined,
    total: empty,
  };
}

/**
 * Locust's history rows carry the current window's percentiles with --csv-full-history and the
 * whole run's without it (its `use_current=self.full_history`); both are mirrored.
 */
export function historyCsv(report: Report, { fullHistory = false } = {}): string {
  const line = (timestamp: number, users: number, row: EntryHistory) =>
    csvLine([
      String(timestamp),
      String(users),
      row.method,
      row.name,
      pythonFixed(row.rps),
      pythonFixed(row.failPerSec),
      ...percentileCells(
        row.total.count,
        fullHistory ? (row.current ?? []) : row.total.percentiles,
      ),
      ...totalCells(row.total),
    ]);
  const seconds = (wall: number) => Math.floor(wall / 1000);
  const lines = [
    csvLine(HISTORY_HEADER),
    line(seconds(report.result.startedAt), 0, timeZeroRow(report)),
  ];
  for (const row of report.result.stats.history) {
    const at = seconds(row.wall);
    if (fullHistory) for (const entry of row.entries) lines.push(line(at, row.users, entry));
    lines.push(line(at, row.users, row));
  }
  return lines.join('');
}

export function failuresCsv(report: Report): string {
  const lines = report.failures.map((f) =>
    csvLine([f.method, f.name, f.error, String(f.occurrences)]),
  );
  return [csvLine(FAILURES_HEADER), ...lines].join('');
}

/** Locust's Nodes column names the runners that saw the exception: "local" when alone. */
function nodesOf(report: Report): string {
  const { workers } = report.meta;
  if (workers === 0) return 'local';
  return Array.from({ length: Math.min(workers, report.meta.users) }, (_, i) => `thread-${i}`).join(
    ', ',
  );
}

export function exceptionsCsv(report: Report): string {
  const nodes = nodesOf(report);
  const lines = report.exceptions.map((e) =>
    csvLine([String(e.count), e.message, e.traceback ? `${e.traceback}\n` : '', nodes]),
  );
  return [csvLine(EXCEPTIONS_HEADER), ...lines].join('');
}

export const CSV_SUFFIXES = [
  '_stats.csv',
  '_stats_history.csv',
  '_failures.csv',
  '_exceptions.csv',
] as const;

/** Writes the four files; returns their paths. */
export function writeCsvFiles(prefix: string, report: Report, { fullHistory = false } = {}) {
  mkdirSync(dirname(prefix), { recursive: true });
  const texts = [
    statsCsv(report),
    historyCsv(report, { fullHistory }),
    failuresCsv(report),
    exceptionsCsv(report),
  ];
  const paths = CSV_SUFFIXES.map((suffix) => `${prefix}${suffix}`);
  paths.forEach((path, i) => {
    writeFileSync(path, texts[i]!);
  });
  return paths;
}
