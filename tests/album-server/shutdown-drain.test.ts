// SIGTERM under load: every request that reached the service before the signal is answered,
// later ones get 503 with Connection: close, nothing is reset, and on a persistent store every
// acknowledged album is there after a restart. Runs scripts/serve.ts as a real process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Album } from '../../lib/album/album-store.ts';
import { exitWithin, type ServeProcess, startServe } from './serve-process.ts';
import { type LoadResult, signalUnderLoad, summarize } from './signal-under-load.ts';

const CONNECTIONS = 50;
const SIGNAL_AFTER = 60;

async function sigtermUnderLoad(serve: ServeProcess): Promise<LoadResult> {
  const result = await signalUnderLoad(serve.url, {
    connections: CONNECTIONS,
    signalAfter: SIGNAL_AFTER,
    signal: () => serve.child.kill('SIGTERM'),
  });
  expect(await exitWithin(serve, 30_000), `exit code; output:\n${serve.output()}`).toBe(0);
  return result;
}

function expectDrained(result: LoadResult): void {
  expect(
    result.cutOff.length,
    `${result.cutOff.length} requests sent before SIGTERM got no answer ` +
      `(${summarize(result.cutOff)}): the shutdown closed connections that held requests`,
  ).toBe(0);
  // The service sees the signal a little after it was sent: a request sent in between may
  // still be served normally. Once it drains, every answer closes its connection.
  const refused = result.afterSignal.filter((o) => o.status !== 201);
  expect(
    refused.filter((o) => o.status !== 503 || !o.connectionClose),
    `requests refused during the drain must get 503 with Connection: close (${summarize(result.afterSignal)})`,
  ).toEqual([]);
  expect(
    result.last.filter((o) => !o.connectionClose),
    `every connection must end on an answer with Connection: close (last answers: ${summarize(result.last)})`,
  ).toEqual([]);
  expect(result.created.length, 'albums acknowledged before the drain').toBeGreaterThan(0);
}

/** GET every album acknowledged with 201: each is there, as acknowledged. */
async function expectAllPresent(url: string, created: readonly Album[]): Promise<void> {
  const missing: string[] = [];
  for (const album of created) {
    const response = await fetch(`${url}/albums/${album.id}`);
    const found = response.status === 200 ? ((await response.json()) as Album) : undefined;
    if (JSON.stringify(found) !== JSON.stringify(album)) {
      missing.push(`${album.id}: ${response.status} ${JSON.stringify(found)}`);
    }
  }
  expect(
    missing,
    `${missing.length} of ${created.length} acknowledged albums are missing or changed after the restart`,
  ).toEqual([]);
}

describe('SIGTERM under load drains the album service', () => {
  it('memory store: every request sent before the signal is answered, later ones 503', async () => {
    const serve = await startServe(['--port', '0']);
    expectDrained(await sigtermUnderLoad(serve));
  }, 60_000);

  it('PGlite in a data directory: the same, and every 201 is there after a restart, new ids above', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'albums-pglite-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const args = ['--port', '0', '--db', 'pglite', '--data-dir', dataDir];
    const first = await startServe(args);
    const result = await sigtermUnderLoad(first);
    expectDrained(result);

    const again = await startServe(args);
    await expectAllPresent(again.url, result.created);
    const total = Number((await fetch(`${again.url}/albums?limit=1`)).headers.get('x-total-count'));
    expect(total, 'the seeds and every acknowledged album').toBe(3 + result.created.length);
    const next = await fetch(`${again.url}/albums`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'After', artist: 'Restart', price: 1 }),
    });
    const album = (await next.json()) as Album;
    const highest = Math.max(...result.created.map((a) => a.id));
    expect(album.id, 'a new id continues above the old ones').toBeGreaterThan(highest);
    again.child.kill('SIGTERM');
    expect(await exitWithin(again, 10_000)).toBe(0);
  }, 90_000);
});
