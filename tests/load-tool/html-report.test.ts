// The HTML report as a reader sees it: one file that needs no network, with uPlot charts
// (requests/s, p50/p95/p99, each request name, users, the generator's CPU per thread) that are
// drawn, answer a hover with values, and fit a 900 px window without sideways scrolling.
// The browser part runs in headless Chromium; it skips with the reason where none is
// installed, and in CI (which installs it) it must run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportCharts } from '../../lib/load/charts/report-series.ts';
import { threadCpuSeconds } from '../../lib/load/cpu-usage.ts';
import { renderHtmlReport } from '../../lib/load/html-report.ts';
import { buildReport, type Report } from '../../lib/load/report.ts';
import { defineScenario, task } from '../../lib/load/scenario.ts';
import { constant } from '../../lib/load/wait.ts';
import { chromiumMissing, launchChromium } from '../support/chromium.ts';
import { viewReport } from '../support/report-page.ts';
import { fakeRunDefaults, runInFakeTime, useFakeClock } from './fake-time.ts';

const dir = mkdtempSync(join(tmpdir(), 'html-report-'));
const file = join(dir, 'report.html');

const server = setupServer(
  http.get(`${fakeRunDefaults.host}/albums`, async () => {
    await delay(30);
    return HttpResponse.json([]);
  }),
  http.post(`${fakeRunDefaults.host}/albums`, async () => {
    await delay(8);
    return HttpResponse.json({ id: 1 }, { status: 201 });
  }),
);

const scenario = defineScenario({
  name: 'two names',
  wait: constant(0),
  state: () => undefined,
  tasks: [
    task(3, 'list', async (user) => {
      await user.client.get('/albums');
    }),
    task(1, 'create', async (user) => {
      await user.client.post('/albums', { json: { title: 'Jeru' } });
    }),
  ],
});

let report: Report;
let html: string;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  useFakeClock();
  try {
    // The open model, so the report also shows corrected vs uncorrected latency.
    const options = { ...fakeRunDefaults, scenario, users: 2, rate: 40, runTimeMs: 4_000 };
    const result = await runInFakeTime(options);
    report = buildReport({ ...options, scenario: 'two names' }, result, []);
  } finally {
    vi.useRealTimers();
  }
  html = renderHtmlReport(report);
  writeFileSync(file, html);
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the HTML report (one file, uPlot inline)', () => {
  it('embeds uPlot, its stylesheet and the chart data, and links to nothing', () => {
    // Matched, not printed: the page is 60 kB.
    const has = (pattern: RegExp) => pattern.test(html);
    expect(has(/<script>\/\*! uPlot 1\.6\.32 [^<]*MIT License \*\//), 'uPlot inline').toBe(true);
    expect(has(/\.uplot\s*\{/), "uPlot's stylesheet inline").toBe(true);
    expect(has(/<script type="application\/json" id="chart-data">\[\{"id":"rps"/)).toBe(true);
    expect(has(/<script[^>]+src=|<link|<img|url\(|(src|href)="https?:/), 'links out').toBe(false);
    expect(has(/Corrected vs uncorrected latency/)).toBe(true);
  });

  it('charts each request name, p50/p95/p99 and, where /proc tells, each thread’s CPU', () => {
    const charts = Object.fromEntries(reportCharts(report).map((c) => [c.id, c]));
    const seconds = report.result.stats.history.length;
    expect(charts.percentiles!.series.map((s) => s.label)).toEqual(['p50', 'p95', 'p99']);
    expect(charts['p95-by-name']!.series.map((s) => s.label)).toEqual([
      'GET /albums',
      'POST /albums',
    ]);
    // The last second's p95 per name: GET answers in 30 ms, POST in 8 ms (fake time).
    const last = (id: string, i: number) => charts[id]!.series[i]!.values.at(-1);
    expect(last('p95-by-name', 0)).toBeCloseTo(30, 0);
    expect(last('p95-by-name', 1)).toBeCloseTo(8, 0);
    for (const chart of Object.values(charts)) {
      for (const s of chart.series)
        expect(s.values, `${chart.id} ${s.label}`).toHaveLength(seconds);
    }
    if (threadCpuSeconds() !== undefined) {
      expect(charts['generator-cpu']!.series.map((s) => s.label)).toEqual(['thread 0']);
    }
  });

  const missing = chromiumMissing();
  describe.skipIf(missing !== undefined)(
    `in headless Chromium${missing ? ` (skipped: ${missing})` : ''}`,
    () => {
      let browser: Browser;
      beforeAll(async () => {
        browser = await launchChromium();
      });
      afterAll(() => browser?.close());

      it.each([
        900, 1400,
      ])('at %i px: fits, draws every chart, shows values on hover', async (width) => {
        const view = await viewReport(browser, file, width);
        expect(view.refused, 'the page must need nothing but itself').toEqual([]);
        expect(view.errors, 'script errors').toEqual([]);
        expect(view.scrollWidth, 'no sideways scrolling').toBeLessThanOrEqual(width);
        const ids = reportCharts(report).map((c) => c.id);
        expect(Object.keys(view.painted)).toEqual(ids);
        for (const id of ids) {
          // Axes alone paint a few thousand pixels; lines add more. Blank is 0.
          expect(view.painted[id], `chart ${id} drew nothing`).toBeGreaterThan(1000);
        }
        // The cursor is shared: hovering the first chart fills every chart's legend.
        expect(view.hover.rps).toEqual([
          expect.stringMatching(/^\d+(\.\d+)? s$/),
          expect.stringMatching(/^\d+(\.\d+)? req\/s$/),
          expect.stringMatching(/^\d+(\.\d+)? req\/s$/),
        ]);
        // Dragging across the first chart zooms every chart to the same, narrower range.
        const span = (range: string | undefined) => {
          const [min, max] = (range ?? '').split(' ').map(Number);
          return max! - min!;
        };
        const zoomed = view.zoom.after.rps;
        expect(span(zoomed), 'the dragged chart zoomed in').toBeLessThan(
          span(view.zoom.before.rps) * 0.75,
        );
        for (const id of ids) expect(view.zoom.after[id], `chart ${id} followed`).toBe(zoomed);
        expect(view.hover.percentiles).toEqual([
          expect.stringMatching(/ s$/),
          ...['p50', 'p95', 'p99'].map(() => expect.stringMatching(/^\d+(\.\d+)? ms$/)),
        ]);
      });
    },
  );
});
