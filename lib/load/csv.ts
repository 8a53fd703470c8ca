// CSV files with Locust's names and columns, so Locust's tooling (and habits) apply:
// <prefix>_stats.csv, <prefix>_stats_history.csv, <prefix>_failures.csv.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { csvNumber, percentileLabel } from './format.ts';
import type { Report } from './report.ts';
import { type EntrySummary, type HistoryRow, PERCENTILES } from './run-stats.ts';

function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? csvNumber(value) : value;
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (cells: (string | number)[]) => cells.map(csvCell).join(',');

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

export function statsCsv(report: Report): string {
  const line = (row: EntrySummary) =>
    csvLine([
      row.method,
      row.name,
      row.count,
      row.failures,
      row.median,
      row.avg,
      row.min,
      row.max,
      row.avgSize,
      row.rps,
      row.failPerSec,
      ...row.percentiles,
    ]);
  return `${[csvLine(STATS_HEADER), ...report.rows.map(line), line(report.total)].join('\n')}\n`;
}

export function historyCsv(report: Report): string {
  const line = (row: HistoryRow) =>
    csvLine([
      Math.floor(row.wall / 1000),
      row.users,
      '',
      'Aggregated',
      row.rps,
      row.failPerSec,
      ...(row.current ?? PERCENTILES.map(() => 'N/A')),
      row.total.count,
      row.total.failures,
      row.total.median,
      row.total.avg,
      row.total.min,
      row.total.max,
      row.total.avgSize,
    ]);
  return `${[csvLine(HISTORY_HEADER), ...report.result.stats.history.map(line)].join('\n')}\n`;
}

export function failuresCsv(report: Report): string {
  const lines = report.failures.map((f) => csvLine([f.method, f.name, f.error, f.occurrences]));
  return `${[csvLine(FAILURES_HEADER), ...lines].join('\n')}\n`;
}

/** Writes the three files; returns their paths. */
export function writeCsvFiles(prefix: string, report: Report): string[] {
  mkdirSync(dirname(prefix), { recursive: true });
  const files: [string, string][] = [
    [`${prefix}_stats.csv`, statsCsv(report)],
    [`${prefix}_stats_history.csv`, historyCsv(report)],
    [`${prefix}_failures.csv`, failuresCsv(report)],
  ];
  for (const [path, text] of files) writeFileSync(path, text);
  return files.map(([path]) => path);
}
