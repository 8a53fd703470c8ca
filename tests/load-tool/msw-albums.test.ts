import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import albums from '../../lib/load/scenarios/albums.ts';
import { seededRandom } from '../../lib/random.ts';
import { fakeRunDefaults, runInFakeTime, useFakeClock } from './fake-time.ts';

const HOST = fakeRunDefaults.host;
const album = (id: number) => ({ id, title: 'Blue Train', artist: 'John Coltrane', price: 56.99 });
/** Scripted latencies: 90 % of replies take 10 ms, 10 % take 200 ms (seeded). */
let latency = seededRandom(1);
const scriptedDelay = () => delay(latency() < 0.9 ? 10 : 200);

const server = setupServer(
  http.get(`${HOST}/albums`, async () => {
    await scriptedDelay();
    return HttpResponse.json([1, 2, 3].map(album));
  }),
  http.get(`${HOST}/albums/:id`, async ({ params }) => {
    await scriptedDelay();
    return HttpResponse.json(album(Number(params.id)));
  }),
  http.post(`${HOST}/albums`, async () => {
    await scriptedDelay();
    return HttpResponse.json(album(4), { status: 201 });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  latency = seededRandom(1);
  useFakeClock();
});
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});

describe('the default scenario against a mocked album service (fake clock)', () => {
  it('puts p50 in the 10 ms bucket and p95 in the 200 ms bucket', async () => {
    const { stats } = await runInFakeTime({
      ...fakeRunDefaults,
      scenario: albums,
      users: 12,
      runTimeMs: 5_000,
    });
    const total = stats.aggregated;
    expect(total.count).toBeGreaterThan(250);
    expect(total.failures).toBe(0);
    // The histogram is at most 0.1 % high.
    expect(total.median).toBeGreaterThanOrEqual(10);
    expect(total.median).toBeLessThanOrEqual(10.01);
    expect(total.percentile(95)).toBeGreaterThanOrEqual(200);
    expect(total.percentile(95)).toBeLessThanOrEqual(200.2);
    expect(total.max).toBe(200);
  });
});

describe('scripted failures (fake clock)', () => {
  it('counts them by kind, per request name, and the run carries on', async () => {
    const served = { list: 0, networkErrors: 0, posts: 0, serverErrors: 0, notFound: 0 };
    server.use(
      http.get(`${HOST}/albums`, async () => {
        await delay(10);
        // Every 5th list fails at the network level: no response at all.
        if (++served.list % 5 === 0) {
          served.networkErrors++;
          return HttpResponse.error();
        }
        return HttpResponse.json([1, 2, 3].map(album));
      }),
      http.get(`${HOST}/albums/:id`, async ({ params }) => {
        await delay(10);
        if (params.id !== '3') return HttpResponse.json(album(Number(params.id)));
        served.notFound++;
        return HttpResponse.json({ error: 'album not found' }, { status: 404 });
      }),
      http.post(`${HOST}/albums`, async () => {
        await delay(10);
        if (++served.posts % 4 === 0) {
          served.serverErrors++;
          return HttpResponse.json({ error: 'internal server error' }, { status: 500 });
        }
        return HttpResponse.json(album(4), { status: 201 });
      }),
    );
    const { stats } = await runInFakeTime({
      ...fakeRunDefaults,
      scenario: albums,
      users: 10,
      runTimeMs: 5_000,
    });
    const kinds = Object.fromEntries(
      stats.failures().map((row) => [`${row.method} ${row.name}: ${row.error}`, row.occurrences]),
    );
    expect(Object.keys(kinds).sort()).toEqual([
      'GET /albums/:id: HTTP 404',
      'GET /albums: network error',
      'POST /albums: HTTP 500',
    ]);
    // A request still in flight when the run stopped is served but not recorded.
    expect(kinds['GET /albums: network error']).toBeGreaterThanOrEqual(served.networkErrors - 1);
    expect(kinds['GET /albums: network error']).toBeLessThanOrEqual(served.networkErrors);
    expect(kinds['GET /albums/:id: HTTP 404']).toBeGreaterThanOrEqual(served.notFound - 1);
    expect(kinds['POST /albums: HTTP 500']).toBeGreaterThanOrEqual(served.serverErrors - 1);
    expect(served.serverErrors).toBeGreaterThan(5);
    // Failed requests count in # reqs too, as in Locust.
    expect(stats.aggregated.failures).toBe(Object.values(kinds).reduce((sum, n) => sum + n, 0));
    expect(stats.aggregated.count).toBeGreaterThan(stats.aggregated.failures * 2);
  });
});
