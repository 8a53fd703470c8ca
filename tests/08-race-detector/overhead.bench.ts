// The detector's overhead: the same program with and without it. The README's table comes
// from `npx tsx tests/08-race-detector/overhead-table.ts` (fresh processes; time, CPU and memory, median of 3).
import { bench, describe } from 'vitest';
import { increment } from '../../solutions/01-lost-updates/increment.ts';
import { naiveIncrement } from './naive-counter.ts';
import { albumLoad, counter } from './overhead.ts';

describe('kata 01: 50 tasks × 1,000 get-then-set', () => {
  bench('without the detector', () => counter(naiveIncrement, false).then(() => undefined), {
    iterations: 3,
  });
  bench('under the detector', () => counter(naiveIncrement, true).then(() => undefined), {
    iterations: 3,
  });
});

describe('kata 01: 50 tasks × 1,000 incr', () => {
  bench('without the detector', () => counter(increment, false).then(() => undefined), {
    iterations: 3,
  });
  bench('under the detector', () => counter(increment, true).then(() => undefined), {
    iterations: 3,
  });
});

describe('album service (reference store): 2,000 requests, 20 clients, 3:1 GET:POST', () => {
  bench('without the detector', () => albumLoad(false).then(() => undefined), { iterations: 3 });
  bench('under the detector', () => albumLoad(true).then(() => undefined), { iterations: 3 });
});
