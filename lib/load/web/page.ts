// The web UI's one page, in Locust's layout: a header with the run's figures and Stop /
// Reset, the Start form, and the Statistics, Charts, Failures and Download tabs. The page's
// script (browser/app.ts, served as /app.js) fills it from the server's events. Nothing on
// it comes from another origin: uPlot's stylesheet is inlined, its code is in /app.js.
import { chartStyle } from '../charts/bundle.ts';
import { escapeXml } from '../html-report.ts';
import type { ScenarioChoice } from './form.ts';
import type { SwarmForm } from './protocol.ts';

const CSS = `
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { display: flex; align-items: center; gap: 28px; padding: 10px 24px; background: #1f2937; color: #fff; flex-wrap: wrap; }
header h1 { font-size: 18px; margin: 0 12px 0 0; }
.figure { display: flex; flex-direction: column; }
.figure span:first-child { font-size: 11px; color: #9ca3af; text-transform: uppercase; letter-spacing: .05em; }
.figure span:last-child { font-size: 17px; font-weight: 600; }
header .actions { margin-left: auto; display: flex; gap: 8px; }
button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid #888; background: #fff; cursor: pointer; }
button.primary { background: #15803d; color: #fff; border-color: #15803d; }
button.stop { background: #b91c1c; color: #fff; border-color: #b91c1c; }
button:disabled { opacity: .45; cursor: default; }
main { padding: 16px 24px; max-width: 1200px; }
form { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 16px 20px; max-width: 560px; }
form h2 { margin-top: 0; font-size: 16px; }
form label { display: block; margin: 10px 0 2px; color: #444; }
form input, form select { width: 100%; font: inherit; padding: 5px 8px; }
form small { color: #666; }
.error { color: #b00020; margin: 8px 0 0; min-height: 1.2em; }
nav { display: flex; gap: 2px; margin: 18px 0 0; border-bottom: 1px solid #ccc; }
nav button { border: none; border-radius: 4px 4px 0 0; background: transparent; padding: 8px 16px; }
nav button[aria-selected="true"] { background: #fff; border: 1px solid #ccc; border-bottom-color: #fff; margin-bottom: -1px; font-weight: 600; }
section.tab { background: #fff; border: 1px solid #ccc; border-top: none; padding: 12px 16px; overflow-x: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { padding: 3px 10px; border-bottom: 1px solid #e5e5e5; text-align: right; white-space: nowrap; }
th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
#failures-table :is(th, td), #exceptions-table :is(th, td) { text-align: left; }
#failures-table :is(th, td):first-child, #exceptions-table :is(th, td):first-child { text-align: right; }
#exceptions-table td:last-child { white-space: pre; font: 12px monospace; }
tbody tr:last-child.total td { font-weight: bold; }
.warning { background: #fff4d6; border-left: 4px solid #e0a800; padding: 8px 12px; margin: 8px 0; }
.muted { color: #666; }
#charts { width: 100%; }
figure.chart { margin: 12px 0 20px; }
ul.downloads li { margin: 6px 0; }
`;

export interface PageOptions {
  defaults: SwarmForm;
  scenarios: ScenarioChoice[];
}

const attr = (text: string) => escapeXml(text);

function field(label: string, name: keyof SwarmForm, value: string, hint = ''): string {
  return `<label for="${name}">${label}</label>
<input id="${name}" name="${name}" value="${attr(value)}" autocomplete="off">${hint ? `<small>${hint}</small>` : ''}`;
}

export function renderPage({ defaults, scenarios }: PageOptions): string {
  const options = scenarios
    .map(
      (s) =>
        `<option value="${attr(s.path)}"${s.path === defaults.scenario ? ' selected' : ''}>${escapeXml(s.name)} (${escapeXml(s.path)})</option>`,
    )
    .join('');
  const figure = (id: string, label: string, value = '-') =>
    `<div class="figure"><span>${label}</span><span id="${id}">${value}</span></div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Load test</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${CSS}${chartStyle()}</style>
<script src="/app.js" defer></script>
</head>
<body>
<header>
<h1>Load test</h1>
${figure('figure-host', 'Host', escapeXml(defaults.host || '-'))}
${figure('figure-status', 'Status', 'READY')}
${figure('figure-users', 'Users', '0')}
${figure('figure-rps', 'RPS', '0')}
${figure('figure-failures', 'Failures', '0%')}
<div class="actions">
<button id="new-test" type="button" hidden>New test</button>
<button id="stop" class="stop" type="button" disabled>Stop</button>
<button id="reset" type="button" disabled>Reset stats</button>
</div>
</header>
<main>
<form id="swarm-form">
<h2>Start new load test</h2>
${field('Number of users (peak concurrency)', 'users', defaults.users)}
${field('Spawn rate (users started/second)', 'spawnRate', defaults.spawnRate)}
${field('Host', 'host', defaults.host, 'e.g. http://127.0.0.1:8080')}
${field('Run time', 'runTime', defaults.runTime, 'e.g. 30s, 5m, 1h30m; empty: until Stop')}
<label for="scenario">Scenario</label>
<select id="scenario" name="scenario">${options}</select>
<p class="error" id="form-error" role="alert"></p>
<button class="primary" id="start" type="submit">Start swarming</button>
</form>
<nav role="tablist">
<button role="tab" type="button" data-tab="statistics" aria-selected="true">Statistics</button>
<button role="tab" type="button" data-tab="charts" aria-selected="false">Charts</button>
<button role="tab" type="button" data-tab="failures" aria-selected="false">Failures</button>
<button role="tab" type="button" data-tab="download" aria-selected="false">Download</button>
</nav>
<section class="tab" id="tab-statistics">
<p class="muted" id="run-line">No run yet: fill in the form and start swarming.</p>
<div id="warnings"></div>
<table id="stats-table"><thead></thead><tbody></tbody></table>
<h3>Response time percentiles (ms)</h3>
<table id="percentiles-table"><thead></thead><tbody></tbody></table>
</section>
<section class="tab" id="tab-charts" hidden>
<p class="muted">The HTML report's charts, once a second: rates and percentiles over the last 10 s, users, and each load thread's CPU. Hover for the values at that second (every chart follows); drag across one to zoom, double-click to zoom out.</p>
<div id="charts"></div>
</section>
<section class="tab" id="tab-failures" hidden>
<p class="muted" id="no-failures">No failures.</p>
<table id="failures-table" hidden><thead></thead><tbody></tbody></table>
<h3>Exceptions (tasks that threw)</h3>
<p class="muted" id="no-exceptions">None.</p>
<table id="exceptions-table" hidden><thead></thead><tbody></tbody></table>
</section>
<section class="tab" id="tab-download" hidden>
<p class="muted">The run so far (or the last run), in the files <code>--csv</code> (Locust 2.12.1's format) and <code>--html</code> write.</p>
<ul class="downloads">
<li><a id="download-stats" href="/stats/requests/csv" download>Request statistics (CSV)</a></li>
<li><a id="download-history" href="/stats/history/csv" download>Statistics history (CSV)</a></li>
<li><a id="download-full-history" href="/stats/requests_full_history/csv" download>Statistics history with a row per request name (CSV)</a></li>
<li><a id="download-failures" href="/stats/failures/csv" download>Failures (CSV)</a></li>
<li><a id="download-exceptions" href="/exceptions/csv" download>Exceptions (CSV)</a></li>
<li><a id="download-report" href="/stats/report?download=1" download>HTML report</a> (<a href="/stats/report" target="_blank">open</a>)</li>
</ul>
</section>
</main>
</body></html>
`;
}
