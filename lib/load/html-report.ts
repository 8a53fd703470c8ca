// The single-file HTML report: settings, warnings, thresholds, charts (RPS, p50/p95 and
// users over time) and Locust's tables. Everything inline: it opens offline.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatMs, formatPercent, formatRate, percentileLabel } from './format.ts';
import { modelOf, type Report, thresholdLines } from './report.ts';
import { type EntrySummary, PERCENTILES } from './run-stats.ts';
import { escapeXml, lineChart } from './svg-chart.ts';
import { formatDuration } from './units.ts';

export const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; max-width: 1100px; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { padding: 3px 10px; border-bottom: 1px solid #ddd; text-align: right; }
th:nth-child(-n+2), td:nth-child(-n+2), table.failures td:nth-child(3) { text-align: left; }
tr.total td { font-weight: bold; }
.warning { background: #fff4d6; border-left: 4px solid #e0a800; padding: 8px 12px; margin: 8px 0; }
.breach { color: #b00020; font-weight: bold; } .ok { color: #1b7f3b; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
dt { color: #666; } dd { margin: 0; }
`;

const cell = (value: string | number) => `<td>${escapeXml(String(value))}</td>`;

export function table(
  head: string[],
  rows: (string | number)[][],
  { totalLast = true, className = '' } = {},
): string {
  const header = `<tr>${head.map((h) => `<th>${escapeXml(h)}</th>`).join('')}</tr>`;
  const body = rows
    .map((row, i) => {
      const total = totalLast && i === rows.length - 1 ? ' class="total"' : '';
      return `<tr${total}>${row.map(cell).join('')}</tr>`;
    })
    .join('');
  const classes = className ? ` class="${className}"` : '';
  return `<table${classes}>${header}${body}</table>`;
}

function statsRows(report: Report): (string | number)[][] {
  return [...report.rows, report.total].map((row: EntrySummary) => [
    row.method,
    row.name,
    row.count,
    `${row.failures} (${formatPercent(row.count ? row.failures / row.count : 0)})`,
    formatMs(row.avg),
    formatMs(row.min),
    formatMs(row.max),
    formatMs(row.median),
    Math.round(row.avgSize),
    formatRate(row.rps),
    formatRate(row.failPerSec),
  ]);
}

function charts(report: Report): string {
  const { history } = report.result.stats;
  const start = report.result.startedAt;
  const t = (wall: number) => Math.round((wall - start) / 100) / 10;
  const xLabel = 'seconds since the start';
  const p = (index: number) => (row: (typeof history)[number]) => row.current?.[index];
  const p50 = PERCENTILES.indexOf(50);
  const p95 = PERCENTILES.indexOf(95);
  return [
    lineChart({
      title: 'Requests per second (last 10 s)',
      xLabel,
      yLabel: 'per second',
      series: [
        { label: 'requests/s', color: '#1f6feb', points: history.map((r) => [t(r.wall), r.rps]) },
        {
          label: 'failures/s',
          color: '#d1242f',
          points: history.map((r) => [t(r.wall), r.failPerSec]),
        },
      ],
    }),
    lineChart({
      title: 'Response time percentiles (last 10 s)',
      xLabel,
      yLabel: 'ms',
      series: [
        { label: 'p50', color: '#2da44e', points: history.map((r) => [t(r.wall), p(p50)(r)]) },
        { label: 'p95', color: '#bf8700', points: history.map((r) => [t(r.wall), p(p95)(r)]) },
      ],
    }),
    lineChart({
      title: 'Users',
      xLabel,
      yLabel: 'users',
      series: [
        { label: 'users', color: '#8250df', points: history.map((r) => [t(r.wall), r.users]) },
      ],
    }),
  ].join('\n');
}

export function renderHtmlReport(report: Report): string {
  const { meta, result } = report;
  const settings: [string, string][] = [
    ['Host', meta.host],
    ['Scenario', meta.scenario],
    ['Model', modelOf(meta)],
    ['Started', new Date(result.startedAt).toISOString()],
    ['Ran for', formatDuration(result.endedAt - result.startedAt)],
    ['Worker threads', meta.workers === 0 ? 'none (one thread)' : String(meta.workers)],
    ['HTTP client', meta.client],
    ['Seed', String(meta.seed)],
  ];
  const thresholds = report.thresholds.length
    ? `<h2>Thresholds</h2><ul>${thresholdLines(report.thresholds)
        .map((line, i) => {
          const passed = report.thresholds[i]!.passed;
          return `<li class="${passed ? 'ok' : 'breach'}">${escapeXml(line)}</li>`;
        })
        .join('')}</ul>`
    : '';
  const failures = report.failures.length
    ? table(
        ['Method', 'Name', 'Error', 'Occurrences'],
        report.failures.map((f) => [f.method, f.name, f.error, f.occurrences]),
        { totalLast: false, className: 'failures' },
      )
    : '<p>No failures.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Load test report: ${escapeXml(meta.host)}</title>
<style>${STYLE}</style></head>
<body>
<h1>Load test report</h1>
<dl>${settings.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`).join('')}</dl>
${report.warnings.map((w) => `<div class="warning">${escapeXml(w)}</div>`).join('\n')}
${thresholds}
<h2>Over time</h2>
${charts(report)}
<h2>Request statistics</h2>
${table(
  [
    'Type',
    'Name',
    '# reqs',
    '# fails',
    'Avg (ms)',
    'Min (ms)',
    'Max (ms)',
    'Med (ms)',
    'Avg size (bytes)',
    'req/s',
    'failures/s',
  ],
  statsRows(report),
)}
<h2>Response time percentiles (ms)</h2>
${table(
  ['Type', 'Name', ...PERCENTILES.map(percentileLabel), '# reqs'],
  [...report.rows, report.total].map((row) => [
    row.method,
    row.name,
    ...row.percentiles.map(formatMs),
    row.count,
  ]),
)}
<h2>Failures</h2>
${failures}
</body></html>
`;
}

export function writeHtmlReport(path: string, report: Report): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderHtmlReport(report));
}
