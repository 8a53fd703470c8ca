// Prints the README's overhead table: each workload with and without the detector, alternated,
// RUNS times; the median ratio and the spread. `npx tsx --expose-gc tests/08-race-detector/overhead-table.ts`
import { loadavg } from 'node:os';
import { increment, incrementWithRetry } from '../../solutions/01-lost-updates/increment.ts';
import { naiveIncrement } from './naive-counter.ts';
import { albumLoad, type Cost, counter, measure } from './overhead.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const workloads: Record<string, (detector: boolean) => Promise<unknown>> = {
  'kata 01, get-then-set (50 × 1,000)': (on) => counter(naiveIncrement, on),
  'kata 01, incr (50 × 1,000)': (on) => counter(increment, on),
  'kata 01, CAS loop (50 × 100)': (on) => counter(incrementWithRetry, on, 50, 100),
  'album service, 2,000 requests': (on) => albumLoad(on),
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

console.log(
  `load average before: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log('| workload | without | with | time ratio | heap without | heap with | heap ratio |');
console.log('|---|---|---|---|---|---|---|');
const only = process.env.ONLY ?? '';
for (const [name, run] of Object.entries(workloads).filter(([name]) => name.includes(only))) {
  const off: Cost[] = [];
  const on: Cost[] = [];
  for (let i = 0; i < RUNS; i++) {
    off.push(await measure(() => run(false)));
    on.push(await measure(() => run(true)));
  }
  const time = on.map((c, i) => c.ms / off[i]!.ms);
  const heap = on.map((c, i) => c.heap / Math.max(off[i]!.heap, 1));
  console.log(
    `| ${name} | ${median(off.map((c) => c.ms)).toFixed(0)} ms | ${median(on.map((c) => c.ms)).toFixed(0)} ms | ` +
      `${median(time).toFixed(1)}× (${range(time)}) | ${mb(median(off.map((c) => c.heap)))} MB | ` +
      `${mb(median(on.map((c) => c.heap)))} MB | ${median(heap).toFixed(1)}× (${range(heap)}) |`,
  );
}
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
