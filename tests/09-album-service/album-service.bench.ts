// The album service under autocannon (loopback, bounded duration): yours (katas/, the
// naive stub until you fix it), the reference on memory and on PGlite, and a bare
// node:http route as the floor. Prints RPS, p50 and p99 per target and scenario.
//
//   npx vitest bench --run tests/09-album-service      (ALBUM_BENCH_SECONDS=2 by default)
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createAlbumApp as yourApp } from '@target/09-album-service/app';
import { MemoryAlbumStore as YourMemoryStore } from '@target/09-album-service/memory-store';
import autocannon from 'autocannon';
import { afterAll, bench, describe } from 'vitest';
import type { AlbumStore, NewAlbum } from '../../lib/album/album-store.ts';
import { createAlbumTable } from '../../lib/album/album-table.ts';
import { openPglite } from '../../lib/album/sql-client.ts';
import { createAlbumApp as referenceApp } from '../../solutions/09-album-service/app.ts';
import { MemoryAlbumStore } from '../../solutions/09-album-service/memory-store.ts';
import { SqlAlbumStore } from '../../solutions/09-album-service/sql-store.ts';
import { listenOnLoopback } from '../support/http-server.ts';
import { manyAlbums } from './albums.ts';

const SECONDS = Number(process.env.ALBUM_BENCH_SECONDS ?? 2);
const CONNECTIONS = 10;
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

type Scenario = 'GET /albums/:id' | 'POST /albums' | 'mix 3:2:1';
type Request = NonNullable<autocannon.Options['requests']>[number];

const post: Request = {
  method: 'POST',
  path: '/albums',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ title: 'Giant Steps', artist: 'John Coltrane', price: 9.99 }),
};
const byId = (id: number): Request => ({ method: 'GET', path: `/albums/${id}` });
const list: Request = { method: 'GET', path: '/albums' };

const scenarios: Record<Scenario, Request[]> = {
  'GET /albums/:id': [byId(1), byId(2), byId(3)],
  'POST /albums': [post],
  // The course's mix: three reads by id, two lists, one create.
  'mix 3:2:1': [byId(1), list, byId(2), post, byId(3), list],
};

interface Target {
  name: string;
  start(albums?: readonly NewAlbum[]): Promise<{ handler: RequestListener; store?: AlbumStore }>;
}

// Opened on first use: its start-up would otherwise steal the event loop from a measurement.
let pglite: ReturnType<typeof openPglite> | undefined;
let pgliteTables = 0;

const targets: Target[] = [
  {
    name: 'yours (katas/)',
    start: async (albums) => {
      const store = new YourMemoryStore(albums ? { albums } : {});
      return { handler: yourApp({ store }), store };
    },
  },
  {
    name: 'reference, memory',
    start: async (albums) => {
      const store = new MemoryAlbumStore(albums ? { albums } : {});
      return { handler: referenceApp({ store }), store };
    },
  },
  {
    name: 'reference, PGlite',
    start: async () => {
      pglite ??= openPglite();
      const client = await pglite;
      const options = { table: `bench_albums_${++pgliteTables}` };
      await createAlbumTable(client, options);
      const store = new SqlAlbumStore(client, options);
      return { handler: referenceApp({ store }), store };
    },
  },
  { name: 'bare node:http (floor)', start: async () => ({ handler: bareRoute }) },
];

/** The floor: the same routes with no framework, no store, no validation. */
function bareRoute(req: IncomingMessage, res: ServerResponse): void {
  const album = { id: 2, title: 'Jeru', artist: 'Gerry Mulligan', price: 17.99 };
  const body =
    req.method === 'POST' ? { ...album, id: 4 } : req.url === '/albums' ? [album] : album;
  req.resume();
  req.on('end', () => {
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
}

interface Row {
  target: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}
const rows: Row[] = [];

/** One autocannon run per (target, scenario), however often the bench calls it. */
const measured = new Map<string, Promise<void>>();
function measure(
  target: Target,
  scenario: string,
  requests: Request[],
  albums?: readonly NewAlbum[],
): Promise<void> {
  const key = `${target.name} · ${scenario}`;
  const run = measured.get(key) ?? measureOnce(target, scenario, requests, albums);
  measured.set(key, run);
  return run;
}

async function measureOnce(
  target: Target,
  scenario: string,
  requests: Request[],
  albums?: readonly NewAlbum[],
) {
  const { handler, store } = await target.start(albums);
  const server = await listenOnLoopback(handler);
  try {
    // Warm the JIT on this route first, so the first target measured is not penalised.
    await autocannon({ url: server.url, connections: CONNECTIONS, amount: 500, requests });
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests,
    });
    rows.push({
      target: target.name,
      scenario,
      rps: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx + result.errors,
    });
  } finally {
    await server.close();
    await store?.close();
  }
}

describe.each(Object.entries(scenarios))('%s', (scenario, requests) => {
  for (const target of targets) {
    bench(target.name, () => measure(target, scenario, requests), once);
  }
});

describe('GET /albums/:id, 100 vs 100,000 albums', () => {
  const spread = (n: number) =>
    Array.from({ length: 10 }, (_, i) => byId(1 + Math.floor(((i + 0.5) * n) / 10)));
  for (const target of targets.slice(0, 2)) {
    for (const n of [100, 100_000]) {
      bench(
        `${target.name}, ${n.toLocaleString('en-US')} albums`,
        () =>
          measure(
            target,
            `GET /albums/:id, ${n.toLocaleString('en-US')} albums`,
            spread(n),
            manyAlbums(n),
          ),
        once,
      );
    }
  }
});

afterAll(async () => {
  await (await pglite)?.close();
  const rps = (target: string, scenario: string) =>
    rows.find((row) => row.target === target && row.scenario === scenario)?.rps ?? Number.NaN;
  console.log(`\nalbum service, ${CONNECTIONS} connections, ${SECONDS} s per run (latency in ms):`);
  console.table(rows);
  const ratios: Record<string, string> = {};
  for (const scenario of Object.keys(scenarios)) {
    ratios[`reference memory / yours, ${scenario}`] = (
      rps('reference, memory', scenario) / rps('yours (katas/)', scenario)
    ).toFixed(2);
  }
  for (const target of targets.slice(0, 2)) {
    ratios[`${target.name}: 100,000 albums / 100`] = (
      rps(target.name, 'GET /albums/:id, 100,000 albums') /
      rps(target.name, 'GET /albums/:id, 100 albums')
    ).toFixed(2);
  }
  console.table(ratios);
});
