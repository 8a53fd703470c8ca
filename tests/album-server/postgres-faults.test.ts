// The album service on a PostgreSQL that goes away: stopped, frozen (SIGSTOP), killed
// (SIGKILL) during a POST storm. The service answers 503 with Retry-After meanwhile, never
// crashes or hangs, recovers by itself, and loses no acknowledged album. One throwaway
// cluster for the whole file (never the shared DATABASE_URL one), with synchronous_commit on:
// a commit is acknowledged only once its WAL is written, so a crash cannot take it back.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Album } from '../../lib/album/album-store.ts';
import { createAlbumTable } from '../../lib/album/album-table.ts';
import { openPostgres, type SqlClient } from '../../lib/album/sql-client.ts';
import { createAlbumApp } from '../../solutions/09-album-service/app.ts';
import { SqlAlbumStore } from '../../solutions/09-album-service/sql-store.ts';
import { albumNumber } from '../09-album-service/albums.ts';
import { type LoopbackServer, listenOnLoopback } from '../support/http-server.ts';
import {
  type PostgresCluster,
  postgresUnavailable,
  startPostgresCluster,
} from '../support/postgres-cluster.ts';
import { exitWithin, startServe } from './serve-process.ts';
import { signalUnderLoad, summarize } from './signal-under-load.ts';

const unavailable = postgresUnavailable();
const CONNECT_TIMEOUT_MS = 300;
const STATEMENT_TIMEOUT_MS = 600;

let cluster: PostgresCluster | undefined;
let client: SqlClient | undefined;
let service: LoopbackServer | undefined;
const serverErrors: unknown[] = [];

beforeAll(async () => {
  if (unavailable) return;
  cluster = await startPostgresCluster({ fsync: 'off', synchronous_commit: 'on' });
}, 120_000);
afterAll(async () => {
  await service?.close();
  await client?.close();
  await cluster?.remove();
}, 60_000);
beforeEach((context) => {
  if (unavailable) context.skip(unavailable);
});

/** The reference app on a fresh table of the fault cluster, with short timeouts. */
async function albumService(): Promise<string> {
  if (!service) {
    client = openPostgres(cluster!.url, {
      max: 5,
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      statementTimeoutMs: STATEMENT_TIMEOUT_MS,
      onIdleError: () => {},
    });
    const table = `albums_${randomBytes(4).toString('hex')}`;
    await createAlbumTable(client, { table });
    const store = new SqlAlbumStore(client, { table });
    service = await listenOnLoopback(
      createAlbumApp({ store, onError: (error) => serverErrors.push(error) }),
    );
  }
  return service.url;
}

const post = (url: string, n: number) =>
  fetch(`${url}/albums`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(albumNumber(n)),
  });

async function expectUnavailable(url: string, what: string): Promise<void> {
  const started = Date.now();
  const response = await fetch(`${url}/albums/1`);
  const elapsed = Date.now() - started;
  expect(
    response.status,
    `GET with the database ${what} (body: ${await response.clone().text()})`,
  ).toBe(503);
  expect(response.headers.get('retry-after'), 'Retry-After').toMatch(/^\d+$/);
  expect(((await response.json()) as { error: string }).error).toMatch(/\w/);
  expect(
    elapsed,
    `the 503 took ${elapsed} ms with the database ${what}: a request must not hang on it`,
  ).toBeLessThan(10 * (CONNECT_TIMEOUT_MS + STATEMENT_TIMEOUT_MS));
}

/** Polls until GET answers 200 again: the pool reconnects by itself. */
async function expectRecovery(url: string, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await fetch(`${url}/albums/1`)).status;
    if (last === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(last, `GET after the database ${what}: the service did not recover by itself`).toBe(200);
}

describe('the album service on a PostgreSQL that goes away', () => {
  it('stopped: 503 with Retry-After, no crash; back by itself when the database is', async () => {
    const url = await albumService();
    expect((await post(url, 1)).status).toBe(201);
    await cluster!.stop();
    await expectUnavailable(url, 'stopped');
    expect((await post(url, 2)).status, 'POST with the database stopped').toBe(503);
    await cluster!.start();
    await expectRecovery(url, 'restarted');
    expect(serverErrors, 'an unreachable database is no 500').toEqual([]);
  }, 60_000);

  it('frozen (SIGSTOP): connect and statement timeouts, then 503; back once thawed', async () => {
    const url = await albumService();
    await cluster!.freeze();
    try {
      await expectUnavailable(url, 'frozen');
      await expectUnavailable(url, 'frozen (a second request, on a fresh connection)');
    } finally {
      await cluster!.thaw();
    }
    await expectRecovery(url, 'thawed');
    expect(serverErrors, 'a frozen database is no 500').toEqual([]);
  }, 60_000);

  it('killed (SIGKILL) during a POST storm: every acknowledged album survives crash recovery', async () => {
    const url = await albumService();
    const acknowledged: Album[] = [];
    const statuses: number[] = [];
    let killed = false;
    let next = 1000;
    const writer = async () => {
      for (let i = 0; i < 40; i++) {
        const response = await post(url, next++);
        statuses.push(response.status);
        if (response.status === 201) acknowledged.push((await response.json()) as Album);
        if (acknowledged.length >= 60 && !killed) {
          killed = true;
          await cluster!.kill();
        }
        if (killed && response.status === 503) return;
      }
    };
    await Promise.all(Array.from({ length: 10 }, writer));
    expect(killed, 'the storm reached the kill').toBe(true);
    expect(
      statuses.filter((status) => status !== 201 && status !== 503),
      'every POST is 201 or 503',
    ).toEqual([]);
    await cluster!.start();
    await expectRecovery(url, 'restarted after SIGKILL');
    const lost: number[] = [];
    for (const album of acknowledged) {
      const response = await fetch(`${url}/albums/${album.id}`);
      if (
        response.status !== 200 ||
        JSON.stringify(await response.json()) !== JSON.stringify(album)
      )
        lost.push(album.id);
    }
    expect(
      lost,
      `${lost.length} of ${acknowledged.length} acknowledged albums were lost in the crash`,
    ).toEqual([]);
  }, 60_000);

  it('SIGTERM to scripts/serve.ts under load: no resets, and every 201 after a restart', async () => {
    const args = ['--port', '0', '--database-url', cluster!.url];
    const serve = await startServe(args);
    const result = await signalUnderLoad(serve.url, {
      connections: 30,
      signalAfter: 60,
      signal: () => serve.child.kill('SIGTERM'),
    });
    expect(await exitWithin(serve, 30_000)).toBe(0);
    expect(
      result.cutOff.length,
      `requests sent before SIGTERM got no answer: ${summarize(result.cutOff)}`,
    ).toBe(0);
    expect(
      result.last.filter((o) => !o.connectionClose),
      summarize(result.last),
    ).toEqual([]);
    const again = await startServe(args);
    const missing: number[] = [];
    for (const album of result.created) {
      const response = await fetch(`${again.url}/albums/${album.id}`);
      if (response.status !== 200) missing.push(album.id);
    }
    expect(missing, 'acknowledged albums missing after the restart').toEqual([]);
    again.child.kill('SIGTERM');
    await exitWithin(again, 10_000);
  }, 90_000);
});
