// The single-file HTML report: settings, warnings, thresholds, uPlot charts (requests/s,
// p50/p95/p99, each request name, users, the generator's CPU per thread; hover and zoom),
// the open model's corrected vs uncorrected latency, and Locust's tables. Everything inline
// (uPlot too): it opens offline, and it fits a 900 px window without sideways scrolling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chartScript, chartStyle, inlineJson } from './charts/bundle.ts';
import { reportCharts } from './charts/report-series.ts';
import { formatMs, formatPercent, formatRate, percentileLabel } from './format.ts';
import {
  GAP_EXPLAINED,
  modelOf,
  type Report,
  SIDE_BY_SIDE,
  sideBySideRows,
  thresholdLines,
} from './report.ts';
import { type EntrySummary, PERCENTILES } from './run-stats.ts';
import { formatDuration } from './units.ts';

export const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; max-width: 1100px; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; }
.table-wrap { max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { padding: 3px 7px; border-bottom: 1px solid #ddd; text-align: right; }
dd { overflow-wrap: anywhere; }
th:nth-child(-n+2), td:nth-child(-n+2), table.failures td:nth-child(3) { text-align: left; }
tr.total td { font-weight: bold; }
.warning { background: #fff4d6; border-left: 4px solid #e0a800; padding: 8px 12px; margin: 8px 0; }
.breach { color: #b00020; font-weight: bold; } .ok { color: #1b7f3b; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
dt { color: #666; } dd { margin: 0; }
`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

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
  return `<div class="table-wrap"><table${classes}>${header}${body}</table></div>`;
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

const CHART_STYLE = `
#charts { width: 100%; }
figure.chart { margin: 12px 0 20px; }
.uplot .u-title { font-size: 14px; text-align: left; }
.uplot .u-legend { font-size: 12px; text-align: left; }
.hint { color: #666; font-size: 13px; }
`;

/** The open model's latency from the intended and from the actual send time. */
function sideBySide(report: Report): string {
  const rows = sideBySideRows(report);
  if (rows.length === 0) return '';
  return `<h2>Corrected vs uncorrected latency (ms)</h2>
${table(
  ['Type', 'Name', 'timed', ...SIDE_BY_SIDE.map(percentileLabel), 'max', '# reqs'],
  rows.map((row) => [row.method, row.name, row.timing, ...row.values.map(formatMs), row.count]),
  { totalLast: false },
)}
<p>${escapeXml(GAP_EXPLAINED)}</p>`;
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
<style>${STYLE}${CHART_STYLE}${chartStyle()}</style></head>
<body>
<h1>Load test report</h1>
<dl>${settings.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`).join('')}</dl>
${report.warnings.map((w) => `<div class="warning">${escapeXml(w)}</div>`).join('\n')}
${thresholds}
<h2>Over time</h2>
<p class="hint">Hover a chart for the values at that second (every chart follows); drag across one to zoom, double-click to zoom out.</p>
<div id="charts"></div>
<script type="application/json" id="chart-data">${inlineJson(reportCharts(report))}</script>
<script>${chartScript()}</script>
${sideBySide(report)}
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
