// Our tool's top speed from one thread against autocannon's, on a bare node:http server in
// another process (so the server never shares a thread with either generator): the same
// connections, the same duration, alternating rounds. Prints RPS and the ratio (target ≥ 0.8).
//
//   npx vitest bench --run tests/load-tool      (LOAD_BENCH_SECONDS=3, LOAD_BENCH_ROUNDS=3)
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { runLoad } from '../../lib/load/run.ts';

const SECONDS = Number(process.env.LOAD_BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.LOAD_BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
const helloScenario = fileURLToPath(new URL('../../lib/load/scenarios/hello.ts', import.meta.url));

const SERVER = `
const server = require('node:http').createServer((req, res) => res.end('hello world'));
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

let server: ChildProcess | undefined;
let url = '';

beforeAll(async () => {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  server = child;
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  url = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  server?.kill();
});

async function autocannonRps(seconds: number): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds });
  return result.requests.total / result.duration;
}

async function ourRps(seconds: number): Promise<number> {
  const { stats, startedAt, endedAt } = await runLoad({
    host: url,
    scenario: helloScenario,
    users: CONNECTIONS,
    spawnRate: 1e6,
    runTimeMs: seconds * 1000,
    workers: 0,
    seed: 1,
    timeoutMs: 10_000,
    client: 'undici',
    maxLoopDelayMs: 1000,
  });
  return stats.aggregated.count / ((endedAt - startedAt) / 1000);
}

const measured: Record<'ours' | 'autocannon', number[]> = { ours: [], autocannon: [] };

describe(`max RPS, one thread, ${CONNECTIONS} connections, ${SECONDS} s per round`, () => {
  bench(
    `our tool vs autocannon, ${ROUNDS} alternating rounds`,
    async () => {
      // Warm both up (JIT, connections) before anything counts.
      await autocannonRps(0.5);
      await ourRps(0.5);
      for (let round = 0; round < ROUNDS; round++) {
        measured.autocannon.push(await autocannonRps(SECONDS));
        measured.ours.push(await ourRps(SECONDS));
      }
    },
    once,
  );
});

afterAll(() => {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
  const rows = measured.ours.map((ours, round) => ({
    round: round + 1,
    'ours (req/s)': Math.round(ours),
    'autocannon (req/s)': Math.round(measured.autocannon[round]!),
    ratio: (ours / measured.autocannon[round]!).toFixed(2),
  }));
  console.table(rows);
  const ratio = median(measured.ours) / median(measured.autocannon);
  console.log(
    `median: ours ${Math.round(median(measured.ours))} req/s, autocannon ` +
      `${Math.round(median(measured.autocannon))} req/s: ratio ${ratio.toFixed(2)} (target ≥ 0.8)`,
  );
});
