// A run's statistics as the page shows them: the terminal's tables (same columns, same
// formatting), the failures, and the history as chart points.
import type { Report } from '../report.ts';
import { type HistoryRow, PERCENTILES } from '../run-stats.ts';
import { PERCENTILES_HEAD, percentilesCells, STATS_HEAD, statsCells } from '../table.ts';
import type { ChartPoint, Table } from './protocol.ts';

const at = (row: HistoryRow, p: number) =>
  row.current?.[PERCENTILES.indexOf(p as (typeof PERCENTILES)[number])] ?? null;

export function chartPoint(
  row: HistoryRow,
  statsSince: number,
  cpu: number | undefined,
): ChartPoint {
  return {
    t: Math.round((row.wall - statsSince) / 100) / 10,
    rps: row.rps,
    failPerSec: row.failPerSec,
    p50: at(row, 50),
    p95: at(row, 95),
    p99: at(row, 99),
    users: row.users,
    cpu: cpu ?? null,
  };
}

export interface ReportTables {
  stats: Table;
  percentiles: Table;
  failures: Table;
}

export function reportTables(report: Report | undefined): ReportTables {
  const rows = report ? [...report.rows, report.total] : [];
  return {
    stats: { head: STATS_HEAD, rows: report && report.total.count > 0 ? rows.map(statsCells) : [] },
    percentiles: {
      head: PERCENTILES_HEAD,
      rows: report && report.total.count > 0 ? rows.map(percentilesCells) : [],
    },
    failures: {
      head: ['# occurrences', 'Method', 'Name', 'Error'],
      rows: (report?.failures ?? []).map((f) => [String(f.occurrences), f.method, f.name, f.error]),
    },
  };
}
