// `npm run load -- --web`: the command itself (in this process, stopped through its signal as
// Ctrl-C stops it), its HTTP surface, and the page in a real Chromium against the reference
// album service: start from the form, the table fills, a chart draws, Reset, Stop, download.

import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../lib/load/cli.ts';
import { STATS_HEADER } from '../../lib/load/csv.ts';
import { EXIT_CODES } from '../../lib/load/exit-codes.ts';
import type { Snapshot } from '../../lib/load/web/protocol.ts';
import { chromiumMissing, launchChromium } from '../support/chromium.ts';
import { albumServiceForSpecs } from './album-server.ts';

const service = albumServiceForSpecs();

interface WebCommand {
  url: string;
  stderr: () => string;
  /** Ctrl-C: resolves to the exit code. */
  quit(): Promise<number>;
}

const running = new Set<WebCommand>();
afterEach(async () => {
  await Promise.all([...running].map((command) => command.quit()));
});

/** `npm run load -- --web --web-port 0 …args`, until quit; its URL read from what it prints. */
async function startWebCommand(args: string[]): Promise<WebCommand> {
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ({
      write: (text: string) => {
        append(text);
        return true;
      },
      isTTY: false,
    }) as unknown as NodeJS.WriteStream;
  const stop = new AbortController();
  const exited = main(['--web', '--web-port', '0', ...args], {
    stdout: sink(() => {}),
    stderr: sink((text) => {
      stderr += text;
    }),
    signal: stop.signal,
  });
  const deadline = Date.now() + 15_000;
  const printedUrl = () => /Web UI: (http:\/\/\S+)/.exec(stderr)?.[1];
  while (!printedUrl()) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(r, 20, 'wait'))]);
    if (early !== 'wait')
      throw new Error(`the web UI exited (${early}) before serving:\n${stderr}`);
    if (Date.now() > deadline) throw new Error(`the web UI printed no URL within 15 s:\n${stderr}`);
  }
  const url = printedUrl()!;
  const command: WebCommand = {
    url,
    stderr: () => stderr,
    quit: () => {
      running.delete(command);
      stop.abort();
      return exited;
    },
  };
  running.add(command);
  return command;
}

/** A raw request, so the spec can send what a browser would not (another Host header). */
function rawRequest(
  url: string,
  {
    method = 'GET',
    headers = {},
    body = '',
  }: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const form = {
  host: '',
  users: '3',
  spawnRate: '100',
  runTime: '',
  scenario: 'lib/load/scenarios/albums.ts',
};

describe('npm run load -- --web (its HTTP surface, no browser)', () => {
  it('serves on a free port with the command line as the form’s defaults, refuses foreign requests, and quits on Ctrl-C', async () => {
    const web = await startWebCommand([
      '--host',
      service.url,
      '--users',
      '7',
      '--spawn-rate',
      '3',
      '--run-time',
      '45s',
    ]);
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await (await fetch(web.url)).text();
    expect(page).toContain(`id="host" name="host" value="${service.url}"`);
    expect(page).toContain('id="users" name="users" value="7"');
    expect(page).toContain('id="spawnRate" name="spawnRate" value="3"');
    expect(page).toContain('id="runTime" name="runTime" value="45s"');
    expect(page).not.toMatch(/(src|href)="https?:/);
    const script = await fetch(`${web.url}/app.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('EventSource');

    const json = { 'Content-Type': 'application/json' };
    const swarm = (headers: Record<string, string>, body: unknown) =>
      rawRequest(`${web.url}/swarm`, { method: 'POST', headers, body: JSON.stringify(body) });
    const good = { ...form, host: service.url };
    // What another site's page could send: a plain form post, or JSON from another origin.
    const formPost = await rawRequest(`${web.url}/swarm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'users=3',
    });
    expect(formPost.status).toBe(403);
    expect((await swarm({ ...json, Origin: 'http://evil.example' }, good)).status).toBe(403);
    // DNS rebinding: the right address under a foreign name.
    expect((await swarm({ ...json, Host: 'evil.example' }, good)).status).toBe(403);
    const badUsers = await swarm(json, { ...good, users: '0' });
    expect(badUsers.status).toBe(400);
    expect(badUsers.body).toMatch(/Number of users: an integer ≥ 1/);
    const badScenario = await swarm(json, { ...good, scenario: '/etc/passwd.ts' });
    expect(badScenario.body).toMatch(/not one of the offered scenarios/);
    expect((await fetch(`${web.url}/stats/requests/csv`)).status).toBe(404);
    const idle = (await (await fetch(`${web.url}/stats/requests`)).json()) as Snapshot;
    expect(idle.state).toBe('ready');

    expect(await web.quit()).toBe(EXIT_CODES.ok);
    await expect(fetch(web.url)).rejects.toThrow();
  });

  it('still needs --host without --web', async () => {
    let stderr = '';
    const code = await main(['--users', '2'], {
      stdout: process.stdout,
      stderr: {
        write: (text: string) => {
          stderr += text;
          return true;
        },
      } as unknown as NodeJS.WriteStream,
    });
    expect(code).toBe(EXIT_CODES.usage);
    expect(stderr).toMatch(/required option '-H, --host <url>'/);
  });
});

/** Waits (bounded) until `predicate` holds in the page; the failure says what never came. */
async function until(page: Page, what: string, predicate: () => boolean) {
  try {
    await page.waitForFunction(predicate, undefined, { timeout: 15_000, polling: 50 });
  } catch {
    const text = await page.locator('main').innerText();
    throw new Error(`the page never showed ${what} within 15 s; it shows:\n${text.slice(0, 1500)}`);
  }
}

const missing = chromiumMissing();
describe('npm run load -- --web in Chromium', () => {
  it.skipIf(missing !== undefined)(
    `starts a run from the form, fills the table, draws a chart, resets, stops, and downloads Locust's CSV${missing ? ` (skipped: ${missing})` : ''}`,
    async () => {
      const web = await startWebCommand([
        '--host',
        service.url,
        '--users',
        '3',
        '--spawn-rate',
        '100',
      ]);
      const browser = await launchChromium();
      try {
        const context = await browser.newContext({
          acceptDownloads: true,
          viewport: { width: 1200, height: 900 },
        });
        const page = await context.newPage();
        const elsewhere: string[] = [];
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith(`${web.url}/`)) return route.continue();
          elsewhere.push(url);
          return route.abort();
        });
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(web.url);
        expect(await page.inputValue('#host')).toBe(service.url);
        expect(await page.inputValue('#users')).toBe('3');

        await page.fill('#runTime', '');
        await page.click('#start');
        await until(page, 'the status RUNNING', () =>
          /RUNNING|SPAWNING/.test(document.getElementById('figure-status')!.textContent!),
        );
        await until(page, 'an Aggregated row with requests', () => {
          const total = document.querySelector('#stats-table tbody tr.total');
          return Number(total?.children[2]?.textContent) > 0;
        });
        const names = await page.$$eval('#stats-table tbody tr', (rows) =>
          rows.map((row) => `${row.children[0]!.textContent} ${row.children[1]!.textContent}`),
        );
        expect(names).toContain('GET /albums');
        expect(await page.locator('#percentiles-table tbody tr.total td').count()).toBe(14);

        await page.click('nav [data-tab=charts]');
        // The report's uPlot chart: its canvas holds the requests/s line (#1f6feb) once the
        // run has two seconds of history.
        await until(page, 'the requests/s line drawn on the first chart', () => {
          const canvas = document.querySelector<HTMLCanvasElement>(
            'figure.chart[data-chart="rps"] canvas',
          );
          const context = canvas?.getContext('2d');
          if (!canvas || !context) return false;
          const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
          let line = 0;
          for (let i = 0; i < data.length; i += 4) {
            const near = (v: number, to: number) => Math.abs(v - to) < 12;
            if (near(data[i]!, 31) && near(data[i + 1]!, 111) && near(data[i + 2]!, 235)) line++;
          }
          return line > 20;
        });
        expect(
          await page.$$eval('figure.chart', (figures) => figures.map((f) => f.dataset.chart)),
        ).toEqual(expect.arrayContaining(['rps', 'percentiles', 'users', 'generator-cpu']));

        await page.click('#reset');
        await until(page, 'the reset, with the run still going', () => {
          const line = document.getElementById('run-line')!.textContent!;
          const status = document.getElementById('figure-status')!.textContent!;
          return /statistics reset at/.test(line) && status === 'RUNNING';
        });
        const afterReset = (await (await fetch(`${web.url}/stats/requests`)).json()) as Snapshot;
        expect(afterReset.resets).toBe(1);
        expect(afterReset.statsSince!).toBeGreaterThan(afterReset.startedAt!);
        await until(page, 'requests counted again after the reset', () => {
          const total = document.querySelector('#stats-table tbody tr.total');
          return Number(total?.children[2]?.textContent) > 0;
        });

        await page.click('#stop');
        await until(page, 'the status STOPPED and a New test button', () => {
          const status = document.getElementById('figure-status')!.textContent;
          return status === 'STOPPED' && !document.getElementById('new-test')!.hidden;
        });

        await page.click('nav [data-tab=download]');
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 15_000 }),
          page.click('#download-stats'),
        ]);
        const rows = readFileSync((await download.path())!, 'utf8')
          .trim()
          .split(/\r?\n/)
          .map((line) => line.split(','));
        expect(rows[0]).toEqual(STATS_HEADER);
        const byName = new Map(rows.slice(1).map((row) => [`${row[0]} ${row[1]}`, row]));
        const count = (name: string) => Number(byName.get(name)?.[2] ?? 0);
        const aggregated = count(' Aggregated');
        expect(aggregated).toBeGreaterThan(0);
        expect(count('GET /albums') + count('POST /albums') + count('GET /albums/:id')).toBe(
          aggregated,
        );
        expect(
          rows.slice(1).every((row) => row[3] === '0'),
          'no failures',
        ).toBe(true);

        expect(elsewhere, 'the page asked for nothing outside its own server').toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
      expect(await web.quit()).toBe(EXIT_CODES.ok);
    },
    45_000,
  );
});
