// A run's statistics as the page shows them: the terminal's tables (same columns, same
// formatting) and the failures. (The charts are the HTML report's: charts/report-series.ts.)
import type { Report } from '../report.ts';
import { PERCENTILES_HEAD, percentilesCells, STATS_HEAD, statsCells } from '../table.ts';
import type { Table } from './protocol.ts';

export interface ReportTables {
  stats: Table;
  percentiles: Table;
  failures: Table;
  exceptions: Table;
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
    exceptions: {
      head: ['Count', 'Message', 'Traceback'],
      rows: (report?.exceptions ?? []).map((e) => [String(e.count), e.message, e.traceback]),
    },
  };
}
