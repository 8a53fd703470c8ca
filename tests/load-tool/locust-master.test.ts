// Our TypeScript workers under a real Locust master (Locust 2.12.1, what CI installs from
// Debian): the master's own _stats.csv must count their requests, with no failures and the
// album scenario's 3 : 2 : 1 mix; our workers must leave cleanly when the master says quit.
// Then a mixed fleet: one Locust (Python) worker and one of ours under one master. Both
// fleets run at once, a few seconds each, each against its own album service that counts the
// requests it serves by client.

import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlbumApp } from '../../solutions/09-album-service/app.ts';
import { MemoryAlbumStore } from '../../solutions/09-album-service/memory-store.ts';
import { type LoopbackServer, listenOnLoopback } from '../support/http-server.ts';
import { type CliRun, runCli } from './cli-process.ts';
import {
  freePort,
  locustMissing,
  readStatsCsv,
  runLocustMaster,
  runLocustWorker,
} from './locust-process.ts';

const KILL_AFTER_MS = 60_000;
const USERS = 20;
const MIX = { 'GET /albums': 3 / 6, 'GET /albums/:id': 2 / 6, 'POST /albums': 1 / 6 };

/** The album service, counting requests by who sent them (Python's requests says so). */
async function countingAlbumService() {
  const app = createAlbumApp({ store: new MemoryAlbumStore() });
  const served = { python: 0, ours: 0 };
  const server = await listenOnLoopback((req: IncomingMessage, res: ServerResponse) => {
    if (req.headers['user-agent']?.startsWith('python-requests')) served.python++;
    else served.ours++;
    app(req, res);
  });
  return { server, served };
}

interface Fleet {
  master: CliRun;
  ours: CliRun[];
  python: CliRun[];
  stats: Map<string, Record<string, string>>;
  served: { python: number; ours: number };
}

async function runFleet(dir: string, name: string, ourWorkers: number, pythonWorkers: number) {
  const { server, served } = await countingAlbumService();
  services.push(server);
  const port = await freePort();
  const csvPrefix = join(dir, name);
  const master = runLocustMaster(
    {
      port,
      host: server.url,
      workers: ourWorkers + pythonWorkers,
      users: USERS,
      runTime: '3s',
      csvPrefix,
      classes: ['albums'],
    },
    KILL_AFTER_MS,
  );
  const url = `tcp://127.0.0.1:${port}`;
  const ours = Array.from({ length: ourWorkers }, () =>
    runCli(['--locust-master', url], { killAfterMs: KILL_AFTER_MS }),
  );
  const python = Array.from({ length: pythonWorkers }, () => runLocustWorker(port, KILL_AFTER_MS));
  const fleet = {
    master: await master,
    ours: await Promise.all(ours),
    python: await Promise.all(python),
    served,
  };
  return { ...fleet, stats: readStatsCsv(`${csvPrefix}_stats.csv`) } satisfies Fleet;
}

const services: LoopbackServer[] = [];
const missing = locustMissing();

describe.skipIf(missing !== undefined)(
  `our workers under a real Locust master${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'locust-master-'));
    let ourFleet: Fleet;
    let mixedFleet: Fleet;

    beforeAll(async () => {
      [ourFleet, mixedFleet] = await Promise.all([
        runFleet(dir, 'ours', 2, 0),
        runFleet(dir, 'mixed', 1, 1),
      ]);
    }, KILL_AFTER_MS + 10_000);

    afterAll(async () => {
      await Promise.all(services.map((service) => service.close()));
      rmSync(dir, { recursive: true, force: true });
    });

    function logs(fleet: Fleet): string {
      const all = [fleet.master, ...fleet.ours, ...fleet.python];
      return all.map((run) => `exit ${run.code}\n${run.stderr.slice(-1500)}`).join('\n---\n');
    }

    it('two of our workers: the master counts their requests, no failures, the 3 : 2 : 1 mix', () => {
      const { stats, served } = ourFleet;
      const total = stats.get('Aggregated');
      expect(ourFleet.master.code, logs(ourFleet)).toBe(0);
      const counted = Number(total?.['Request Count']);
      expect(counted, 'the master counted none of our requests').toBeGreaterThan(0);
      expect(total?.['Failure Count'], 'failures in the master’s _stats.csv').toBe('0');
      // Every request but the one each user has in flight when the master says quit (those
      // are dropped unrecorded, as a Locust worker kills its users).
      expect(counted).toBeLessThanOrEqual(served.ours);
      expect(counted, `the service served ${served.ours}`).toBeGreaterThanOrEqual(
        served.ours - USERS,
      );
      for (const [name, expected] of Object.entries(MIX)) {
        const share = Number(stats.get(name)?.['Request Count'] ?? 0) / counted;
        expect(Math.abs(share - expected), `${name}: ${(share * 100).toFixed(1)} %`).toBeLessThan(
          0.05,
        );
      }
    });

    it('our workers run the users the master hands out, then exit 0 on its quit', () => {
      for (const worker of ourFleet.ours) {
        expect(worker.code, worker.stderr).toBe(0);
        expect(worker.stderr).toMatch(/running \{"albums":\d+\}/);
        expect(worker.stderr).toContain('the master said quit');
      }
    });

    it('a mixed fleet: one Locust worker and one of ours under one master', () => {
      const { stats, served } = mixedFleet;
      expect(mixedFleet.master.code, logs(mixedFleet)).toBe(0);
      expect(served.python, 'requests from the Locust worker').toBeGreaterThan(0);
      expect(served.ours, 'requests from our worker').toBeGreaterThan(0);
      const total = stats.get('Aggregated');
      const counted = Number(total?.['Request Count']);
      const all = served.python + served.ours;
      expect(counted).toBeLessThanOrEqual(all);
      expect(counted, `the service served ${all}`).toBeGreaterThanOrEqual(all - USERS);
      expect(total?.['Failure Count']).toBe('0');
      for (const worker of [...mixedFleet.ours, ...mixedFleet.python]) {
        expect(worker.code, worker.stderr.slice(-1500)).toBe(0);
      }
    });
  },
);
