// What the detector costs: the same program with and without it (without: no tasks, no
// AsyncLocalStorage, no tracking). Time is wall-clock; memory is the peak growth of the heap
// during the run, sampled every few milliseconds after a full GC (run with --expose-gc); CPU is
// the process's user + system time over the run.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlbumStore } from '../../lib/album/album-store.ts';
import { type Increment, runCounter } from '../../lib/race/counter-demo.ts';
import { taskPerRequest } from '../../lib/race/http.ts';
import { RaceRuntime } from '../../lib/race/runtime.ts';
import { trackInstance } from '../../lib/race/tracked-proxy.ts';
import { RaceDetector } from '../../solutions/08-race-detector/detector.ts';
import { createAlbumApp } from '../../solutions/09-album-service/app.ts';
import { MemoryAlbumStore } from '../../solutions/09-album-service/memory-store.ts';
import { albumNumber } from '../09-album-service/albums.ts';

export interface Cost {
  ms: number;
  /** CPU time of the process (user + system) over the run: less shaken by a busy machine. */
  cpuMs: number;
  /** Peak heap growth over the run, in bytes. */
  heap: number;
}

export async function measure(run: () => Promise<unknown>): Promise<Cost> {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, heap: peak - before };
}

const newRuntime = (sites = true) => new RaceRuntime(new RaceDetector(), { sites });

/**
 * Kata 01's workload: 50 tasks × 1,000 increments through the simulated store. `sites: false`
 * skips the stack capture of every access (the race is found, its lines are not named).
 */
export const counter = (
  increment: Increment,
  detector: boolean,
  tasks = 50,
  times = 1000,
  { sites = true }: { sites?: boolean } = {},
) => runCounter(detector ? newRuntime(sites) : undefined, increment, tasks, times);

/**
 * The album service (reference store) on a loopback port, `requests` requests from
 * `connections` clients in a 3:1 GET:POST mix, as in the course's load test.
 */
export async function albumLoad(detector: boolean, requests = 2000, connections = 20) {
  const race = detector ? newRuntime() : undefined;
  const raw: AlbumStore = new MemoryAlbumStore();
  const app = createAlbumApp({ store: race ? trackInstance(race, raw, 'store') : raw });
  const server = createServer(race ? taskPerRequest(race, app) : app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let next = 0;
  const client = async () => {
    while (next < requests) {
      const n = next++;
      if (n % 4 === 3) {
        await fetch(`${url}/albums`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(albumNumber(n)),
        }).then((response) => response.arrayBuffer());
      } else {
        const path = n % 2 === 0 ? '/albums' : `/albums/${(n % 3) + 1}`;
        await fetch(url + path).then((response) => response.arrayBuffer());
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: connections }, client));
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return race?.races().length ?? 0;
}
