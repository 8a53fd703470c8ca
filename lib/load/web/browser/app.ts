/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page's script (bundled and served as /app.js): the form and buttons post to the server;
// one EventSource receives a snapshot each second and on every change of state, and the page
// redraws from it. The server holds all the state: a reload, or a second tab, shows the same.
import type { Snapshot, SwarmForm, Table } from '../protocol.ts';
import { LiveCharts } from './charts.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const form = byId<HTMLFormElement>('swarm-form');
const formError = byId('form-error');
const stopButton = byId<HTMLButtonElement>('stop');
const resetButton = byId<HTMLButtonElement>('reset');
const newTestButton = byId<HTMLButtonElement>('new-test');
const startButton = byId<HTMLButtonElement>('start');
const charts = new LiveCharts(byId('charts'));
let showForm = true;

async function post(path: string, body?: unknown): Promise<string | undefined> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (response.ok) return undefined;
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  return answer.error ?? `${response.status} ${response.statusText}`;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(form)) as unknown as SwarmForm;
  startButton.disabled = true;
  const error = await post('/swarm', data);
  startButton.disabled = false;
  formError.textContent = error ?? '';
  if (!error) showForm = false;
});
stopButton.addEventListener('click', () => void post('/stop'));
resetButton.addEventListener('click', () => void post('/stats/reset'));
newTestButton.addEventListener('click', () => {
  showForm = true;
  form.hidden = false;
  newTestButton.hidden = true;
});

for (const tab of document.querySelectorAll<HTMLButtonElement>('nav [data-tab]')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll<HTMLButtonElement>('nav [data-tab]')) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      byId(`tab-${other.dataset.tab}`).hidden = !selected;
    }
    if (tab.dataset.tab === 'charts') {
      charts.redraw();
      // Drawn while hidden, a chart took the width of nothing: the report's resize fits it.
      window.dispatchEvent(new Event('resize'));
    }
  });
}

function fillTable(id: string, table: Table, totalLast: boolean): void {
  const element = byId<HTMLTableElement>(id);
  const head = element.tHead!;
  if (head.rows.length === 0) {
    const row = head.insertRow();
    for (const text of table.head) {
      const th = document.createElement('th');
      th.textContent = text;
      row.append(th);
    }
  }
  const body = element.tBodies[0]!;
  body.replaceChildren(
    ...table.rows.map((cells, i) => {
      const row = document.createElement('tr');
      if (totalLast && i === table.rows.length - 1) row.className = 'total';
      for (const text of cells) row.insertCell().textContent = text;
      return row;
    }),
  );
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

function render(snapshot: Snapshot): void {
  const live = ['spawning', 'running', 'stopping'].includes(snapshot.state);
  document.body.dataset.state = snapshot.state;
  byId('figure-host').textContent = snapshot.host || '-';
  byId('figure-status').textContent = snapshot.state.toUpperCase();
  byId('figure-users').textContent = String(snapshot.users);
  byId('figure-rps').textContent = snapshot.rps.toFixed(1);
  byId('figure-failures').textContent = `${Math.round(snapshot.failRatio * 100)}%`;
  stopButton.disabled = !live || snapshot.state === 'stopping';
  resetButton.disabled = snapshot.state !== 'running' && snapshot.state !== 'spawning';
  if (live) showForm = false;
  form.hidden = !showForm;
  newTestButton.hidden = showForm || live;
  if (snapshot.error) formError.textContent = `The run failed: ${snapshot.error}`;

  const runLine = byId('run-line');
  if (snapshot.startedAt === null) {
    runLine.textContent = 'No run yet: fill in the form and start swarming.';
  } else {
    const planned =
      snapshot.runTimeMs === null ? 'until Stop' : `of ${seconds(snapshot.runTimeMs)}`;
    const reset =
      snapshot.resets > 0 && snapshot.statsSince !== null
        ? `; statistics reset at ${new Date(snapshot.statsSince).toLocaleTimeString()}`
        : '';
    runLine.textContent =
      `${snapshot.scenario} → ${snapshot.host}: ${seconds(snapshot.elapsedMs)} ${planned}, ` +
      `${snapshot.users}/${snapshot.targetUsers} users, ${snapshot.requests} requests${reset}`;
  }
  byId('warnings').replaceChildren(
    ...snapshot.warnings.map((text) => {
      const div = document.createElement('div');
      div.className = 'warning';
      div.textContent = text;
      return div;
    }),
  );
  fillTable('stats-table', snapshot.stats, true);
  fillTable('percentiles-table', snapshot.percentiles, true);
  fillTable('failures-table', snapshot.failures, false);
  byId('no-failures').hidden = snapshot.failures.rows.length > 0;
  byId('failures-table').hidden = snapshot.failures.rows.length === 0;
  fillTable('exceptions-table', snapshot.exceptions, false);
  byId('no-exceptions').hidden = snapshot.exceptions.rows.length > 0;
  byId('exceptions-table').hidden = snapshot.exceptions.rows.length === 0;

  charts.update(snapshot.chart.from, snapshot.chart.charts);
}

const events = new EventSource('/events');
events.addEventListener('snapshot', (event) => {
  render(JSON.parse((event as MessageEvent<string>).data) as Snapshot);
});
