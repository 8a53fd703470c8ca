// Prints the README's overhead table: each workload with and without the detector, alternated,
// RUNS times; the median ratio and the spread.
//   npx tsx tests/08-race-detector/overhead-table.ts
// Every measurement runs in a fresh process (`--one <workload> on|off`, with --expose-gc),
// after one warm-up run of the same workload: Node 20 keeps AsyncLocalStorage's promise hook
// on for good once a storage was used, so a run "without" in a process that ran the detector
// before would pay for it too and make the ratio look smaller than it is.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { increment, incrementWithRetry } from '../../solutions/01-lost-updates/increment.ts';
import { loadAverage, median } from '../support/measure.ts';
import { naiveIncrement } from './naive-counter.ts';
import { albumLoad, type Cost, counter, measure } from './overhead.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const workloads: Record<string, (detector: boolean) => Promise<unknown>> = {
  'kata 01, get-then-set (50 × 1,000)': (on) => counter(naiveIncrement, on),
  // What the stack capture costs: the same run, each access's line left out of the report.
  'kata 01, get-then-set, no sites (50 × 1,000)': (on) =>
    counter(naiveIncrement, on, 50, 1000, { sites: false }),
  'kata 01, incr (50 × 1,000)': (on) => counter(increment, on),
  'kata 01, CAS loop (50 × 100)': (on) => counter(incrementWithRetry, on, 50, 100),
  'album service, 2,000 requests': (on) => albumLoad(on),
};

async function one(name: string, on: boolean): Promise<void> {
  const run = workloads[name]!;
  await run(on);
  process.stdout.write(JSON.stringify(await measure(() => run(on))));
}

const self = fileURLToPath(import.meta.url);
const inFreshProcess = (name: string, on: boolean): Cost =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', self, '--one', name, on ? 'on' : 'off'],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    ),
  ) as Cost;

const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

function table(): void {
  console.log(`load average before: ${loadAverage()}`);
  console.log(
    '| workload | without | with | time ratio | CPU ratio | heap without | heap with | heap ratio |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const only = process.env.ONLY ?? '';
  for (const name of Object.keys(workloads).filter((name) => name.includes(only))) {
    const off: Cost[] = [];
    const on: Cost[] = [];
    for (let i = 0; i < RUNS; i++) {
      off.push(inFreshProcess(name, false));
      on.push(inFreshProcess(name, true));
    }
    const time = on.map((c, i) => c.ms / off[i]!.ms);
    const cpu = on.map((c, i) => c.cpuMs / off[i]!.cpuMs);
    const heap = on.map((c, i) => c.heap / Math.max(off[i]!.heap, 1));
    console.log(
      `| ${name} | ${median(off.map((c) => c.ms)).toFixed(0)} ms | ${median(on.map((c) => c.ms)).toFixed(0)} ms | ` +
        `${median(time).toFixed(1)}× (${range(time)}) | ${median(cpu).toFixed(1)}× (${range(cpu)}) | ` +
        `${mb(median(off.map((c) => c.heap)))} MB | ${mb(median(on.map((c) => c.heap)))} MB | ` +
        `${median(heap).toFixed(1)}× (${range(heap)}) |`,
    );
  }
  console.log(`load average after: ${loadAverage()}`);
}

if (process.argv[2] === '--one') await one(process.argv[3]!, process.argv[4] === 'on');
else table();
