// The final tables in Locust's layout: request statistics, response time percentiles, errors.
import Table from 'cli-table3';
import { formatMs, formatPercent, formatRate, percentileLabel } from './format.ts';
import { GAP_EXPLAINED, SIDE_BY_SIDE, type SideBySideRow } from './report.ts';
import { type EntrySummary, type FailureRow, PERCENTILES } from './run-stats.ts';

const PLAIN = {
  chars: {
    top: '',
    'top-mid': '',
    'top-left': '',
    'top-right': '',
    bottom: '',
    'bottom-mid': '',
    'bottom-left': '',
    'bottom-right': '',
    left: '',
    'left-mid': '',
    right: '',
    'right-mid': '',
    mid: '-',
    'mid-mid': '|',
    middle: ' ',
  },
  style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 1 },
};

const ALIGN_NUMBERS = (columns: number) =>
  ['left', 'left', ...Array.from({ length: columns - 2 }, () => 'right')] as ('left' | 'right')[];

const failuresCell = (row: EntrySummary) =>
  `${row.failures}(${formatPercent(row.count === 0 ? 0 : row.failures / row.count)})`;

export function statsTable(rows: EntrySummary[], total: EntrySummary): string {
  const head = ['Type', 'Name', '# reqs', '# fails', 'Avg', 'Min', 'Max', 'Med', 'req/s'];
  const table = new Table({
    ...PLAIN,
    head: [...head, 'failures/s'],
    colAligns: ALIGN_NUMBERS(head.length + 1),
  });
  for (const row of [...rows, total]) {
    table.push([
      row.method,
      row.name,
      row.count,
      failuresCell(row),
      formatMs(row.avg),
      formatMs(row.min),
      formatMs(row.max),
      formatMs(row.median),
      formatRate(row.rps),
      formatRate(row.failPerSec),
    ]);
  }
  return table.toString();
}

export function percentilesTable(rows: EntrySummary[], total: EntrySummary): string {
  const head = ['Type', 'Name', ...PERCENTILES.map(percentileLabel), '# reqs'];
  const table = new Table({ ...PLAIN, head, colAligns: ALIGN_NUMBERS(head.length) });
  for (const row of [...rows, total]) {
    table.push([row.method, row.name, ...row.percentiles.map(formatMs), row.count]);
  }
  return `Response time percentiles (ms)\n${table.toString()}`;
}

export function failuresTable(failures: FailureRow[]): string {
  if (failures.length === 0) return 'Error report: no failures';
  const table = new Table({
    ...PLAIN,
    head: ['# occurrences', 'Error'],
    colAligns: ['right', 'left'],
  });
  for (const failure of failures) {
    table.push([failure.occurrences, `${failure.method} ${failure.name}: ${failure.error}`]);
  }
  return `Error report\n${table.toString()}`;
}

/** The open model's latency from the intended and from the actual send time, row by row. */
export function sideBySideTable(rows: SideBySideRow[]): string {
  const head = ['Type', 'Name', 'timed', ...SIDE_BY_SIDE.map(percentileLabel), 'max', '# reqs'];
  const table = new Table({ ...PLAIN, head, colAligns: ALIGN_NUMBERS(head.length) });
  for (const row of rows) {
    table.push([row.method, row.name, row.timing, ...row.values.map(formatMs), row.count]);
  }
  return `Corrected vs uncorrected latency (ms)\n${table.toString()}\n${GAP_EXPLAINED}`;
}
