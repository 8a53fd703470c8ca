// `npm run lab:co`: the coordinated-omission lab. A loopback service answers in 10 ms and
// stalls for 1 s once; the closed model (users wait for replies) and the open model (a
// fixed arrival rate, latency from the intended send time) measure it. Compare their p99.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Table from 'cli-table3';
import { type CoLabPlan, runCoLab } from '../lib/load/co-lab.ts';
import { formatMs } from '../lib/load/format.ts';
import { type EntrySummary, PERCENTILES } from '../lib/load/run-stats.ts';
import { Stall } from '../lib/load/stall.ts';

const SERVICE_MS = 10;
const plan: CoLabPlan = {
  users: 10,
  rate: 200,
  runTimeMs: 6_000,
  stallAtMs: 2_000,
  stallForMs: 1_000,
};

const stall = new Stall();
const server = createServer(async (_req, res) => {
  await stall.hold();
  setTimeout(() => res.end('pong'), SERVICE_MS);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

console.log(
  `A service at ${host} answers in ${SERVICE_MS} ms and stalls for ${plan.stallForMs} ms once, ` +
    `${plan.stallAtMs / 1000} s into each run.\n` +
    `Closed model: ${plan.users} users, no wait. Open model: ${plan.rate} arrivals/s served by ` +
    `${plan.users} users. ${plan.runTimeMs / 1000} s each…\n`,
);
const result = await runCoLab(plan, stall, {
  host,
  spawnRate: 1000,
  workers: 0,
  seed: 1,
  timeoutMs: 10_000,
  client: 'undici',
  maxLoopDelayMs: 50,
});
server.closeAllConnections();
server.close();

const shown = [50, 95, 99, 99.9] as const;
const at = (row: EntrySummary, p: (typeof PERCENTILES)[number]) =>
  row.percentiles[PERCENTILES.indexOf(p)]!;
const table = new Table({
  head: ['model', '# reqs', ...shown.map((p) => `p${p} (ms)`), 'max (ms)'],
  style: { head: [], border: [] },
});
for (const [model, row] of [
  ['closed', result.closed],
  ['open', result.open],
] as const) {
  table.push([model, row.count, ...shown.map((p) => formatMs(at(row, p))), formatMs(row.max)]);
}
console.log(table.toString());

const closedP99 = at(result.closed, 99);
const openP99 = at(result.open, 99);
const { scheduled, late, dropped } = result.openArrivals;
console.log(`
Both runs saw the same stall (max ≈ ${formatMs(result.closed.max)} ms vs ${formatMs(result.open.max)} ms).
Closed model: p99 ${formatMs(closedP99)} ms. During the stall each of the ${plan.users} users waited
  for one reply and sent nothing else: ${plan.users} slow samples among ${result.closed.count}. The generator
  coordinated with the service and omitted the requests a real user population would have sent.
Open model: p99 ${formatMs(openP99)} ms (${(openP99 / closedP99).toFixed(0)}× the closed one). Arrivals kept their schedule; the
  ~${plan.rate * (plan.stallForMs / 1000)} due during the stall, and those queued behind them, count from their
  intended send time. ${late} of ${scheduled} arrivals started late, ${dropped} were dropped.`);
