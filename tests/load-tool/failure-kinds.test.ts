import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadClient } from '../../lib/load/client.ts';
import { systemClock } from '../../lib/load/clock.ts';
import { loadStatsModule } from '../../lib/load/kata-stats.ts';
import { Recorder } from '../../lib/load/recorder.ts';
import { runLoad } from '../../lib/load/run.ts';
import albums from '../../lib/load/scenarios/albums.ts';
import { type ClientKind, createTransport } from '../../lib/load/transport.ts';
import { type LoopbackServer, listenOnLoopback } from '../support/http-server.ts';

let service: LoopbackServer;
let host = '';
let refusedHost = '';

beforeAll(async () => {
  // One loopback server, one route per way to fail.
  service = await listenOnLoopback((req, res) => {
    if (req.url === '/reset') req.socket.destroy();
    else if (req.url === '/unavailable') res.writeHead(503).end('busy');
    else if (req.url !== '/hang') res.end('ok'); // '/hang' never answers
  });
  host = service.url;
  // A port that was just free: nobody listens there any more.
  const gone = await listenOnLoopback(() => {});
  refusedHost = gone.url;
  await gone.close();
});
afterAll(() => service.close());

async function failureOf(client: ClientKind, base: string, path: string) {
  const transport = createTransport(client, { host: base, connections: 1, timeoutMs: 300 });
  const { StatsEntry } = await loadStatsModule();
  const recorder = new Recorder(StatsEntry, Date.now);
  const loadClient = new LoadClient(transport, recorder, systemClock, () => false);
  try {
    return (await loadClient.get(path)).failure;
  } finally {
    await transport.destroy();
  }
}

describe.each(['net', 'undici', 'fetch'] as const)('failure kinds on loopback (%s)', (client) => {
  it('names refused, reset, timed out and HTTP-error requests; a success has none', async () => {
    const kinds = await Promise.all([
      failureOf(client, refusedHost, '/'),
      failureOf(client, host, '/reset'),
      failureOf(client, host, '/hang'),
      failureOf(client, host, '/unavailable'),
      failureOf(client, host, '/'),
    ]);
    expect(kinds).toEqual([
      'connection refused',
      'connection reset',
      'timeout',
      'HTTP 503',
      undefined,
    ]);
  });
});

describe('a run against a service that is down', () => {
  it('counts every refused connection and finishes instead of crashing', async () => {
    const { stats } = await runLoad({
      host: refusedHost,
      scenario: albums,
      users: 3,
      spawnRate: 100,
      runTimeMs: 400,
      workers: 0,
      seed: 1,
      timeoutMs: 1000,
      client: 'undici',
      maxLoopDelayMs: 1000,
    });
    const failures = stats.failures();
    expect(new Set(failures.map((row) => row.error))).toEqual(new Set(['connection refused']));
    expect(failures.reduce((sum, row) => sum + row.occurrences, 0)).toBe(stats.aggregated.count);
    expect(stats.aggregated.count).toBeGreaterThanOrEqual(3);
  });
});
