import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { consoleReport } from '../../lib/load/cli.ts';
import { pingScenario, runCoLab } from '../../lib/load/co-lab.ts';
import { buildReport, GAP_EXPLAINED, sideBySideRows } from '../../lib/load/report.ts';
import { Stall } from '../../lib/load/stall.ts';
import { fakeRunDefaults, inFakeTime, runInFakeTime, useFakeClock } from './fake-time.ts';

const SERVICE_MS = 20;
const stall = new Stall();
const server = setupServer(
  http.get(`${fakeRunDefaults.host}/ping`, async () => {
    await stall.hold();
    await delay(SERVICE_MS);
    return HttpResponse.text('pong');
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

describe('coordinated omission: a 1 s stall, once (fake clock)', () => {
  it("hides in the closed model's p99 and shows in the open model's", async () => {
    useFakeClock();
    const { closed, open, openArrivals } = await inFakeTime(
      runCoLab(
        { users: 2, rate: 50, runTimeMs: 5_000, stallAtMs: 2_000, stallForMs: 1_000 },
        stall,
        fakeRunDefaults,
      ),
    );
    const p99 = 7; // index of 99 % in Locust's percentile list
    // Closed: each of the 2 users was stuck once, then asked again: 2 slow samples in ~400.
    expect(closed.max).toBeGreaterThanOrEqual(980);
    expect(closed.percentiles[p99]).toBeLessThanOrEqual(SERVICE_MS * 1.01);
    // Open: the 50 arrivals due during the stall all waited for it, and those queued behind.
    expect(open.percentiles[p99]).toBeGreaterThan(900);
    expect(open.percentiles[p99]! / closed.percentiles[p99]!).toBeGreaterThan(40);
    expect(openArrivals.late).toBeGreaterThanOrEqual(45);
    expect(openArrivals.dropped).toBe(0);
    // Every arrival was sent and recorded, but those still in flight when the run ended.
    expect(open.count).toBeGreaterThanOrEqual(openArrivals.scheduled - 2);
  });
});

describe('corrected and uncorrected, side by side (open model, fake clock)', () => {
  it('times the same requests from the intended and from the actual send time', async () => {
    useFakeClock();
    stall.schedule(2_000, 1_000);
    const options = {
      ...fakeRunDefaults,
      scenario: pingScenario,
      users: 2,
      rate: 50,
      runTimeMs: 5_000,
    };
    const result = await runInFakeTime(options);
    const report = buildReport({ ...options, scenario: 'ping' }, result, []);
    const rows = sideBySideRows(report);
    expect(rows.map((row) => `${row.name} ${row.timing}`)).toEqual([
      '/ping corrected',
      '/ping uncorrected',
      'Aggregated corrected',
      'Aggregated uncorrected',
    ]);
    const [corrected, uncorrected] = rows.slice(2);
    const p99 = 2; // 50, 95, 99, 99.9, max
    // The same requests in both sets.
    expect(uncorrected!.count).toBe(corrected!.count);
    // Only the 2 requests caught in flight waited out the stall after they were sent; the
    // arrivals queued behind them were sent late and answered in 20 ms.
    expect(uncorrected!.values[p99]).toBeLessThanOrEqual(SERVICE_MS * 1.01);
    expect(uncorrected!.values[4]).toBeGreaterThanOrEqual(980);
    expect(corrected!.values[p99]).toBeGreaterThan(900);
    const printed = consoleReport(report);
    expect(printed).toMatch(/Corrected vs uncorrected latency \(ms\)/);
    expect(printed).toMatch(/Aggregated +uncorrected +20\.0 +20\.0 +20\.0 /);
    expect(printed).toContain(GAP_EXPLAINED);
  });

  it('the closed model has one set: no side-by-side table', async () => {
    useFakeClock();
    const options = { ...fakeRunDefaults, scenario: pingScenario, users: 1, runTimeMs: 1_000 };
    const result = await runInFakeTime(options);
    const report = buildReport({ ...options, scenario: 'ping' }, result, []);
    expect(report.uncorrected).toBeUndefined();
    expect(consoleReport(report)).not.toMatch(/uncorrected/);
  });
});

describe('the open model when the service cannot keep up (fake clock)', () => {
  it('keeps 10 s of arrivals waiting, drops the rest, and the report says how many', async () => {
    useFakeClock();
    stall.schedule(0, 60_000);
    const options = {
      ...fakeRunDefaults,
      scenario: pingScenario,
      users: 1,
      rate: 100,
      runTimeMs: 12_000,
      timeoutMs: 5_000,
    };
    const result = await runInFakeTime(options);
    const { scheduled, dropped } = result.stats.arrivals;
    expect(scheduled).toBe(1200);
    // One user, each request timing out after 5 s: it takes 3 arrivals; 1,000 wait.
    expect(dropped).toBe(1200 - 3 - 1000);
    expect(result.stats.failures().map((row) => row.error)).toEqual(['timeout']);
    const { warnings } = buildReport({ ...options, scenario: 'ping' }, result, []);
    expect(warnings.join('\n')).toMatch(/197 of 1200 arrivals \(16\.42%\) were dropped/);
  });
});
