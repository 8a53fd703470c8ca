// Experiment A under the detector: `tasks` tasks (each one `go`) each add 1 to one key of
// kata 01's store `times` times, through `increment`. Used by `npm run race -- 01`, kata 08's
// specs and its bench.

import { type AtomicStore, SimulatedStore } from '../store/async-store.ts';
import { RaceReporter } from './report.ts';
import type { RaceRuntime } from './runtime.ts';
import { trackStore } from './tracked-store.ts';

export type Increment = (store: AtomicStore, key: string) => Promise<void>;

export interface CounterRun {
  total: number;
  expected: number;
}

export const COUNTER_KEY = 'hits';

/** Without a runtime: the same program with no detector and no AsyncLocalStorage. */
export async function runCounter(
  race: RaceRuntime | undefined,
  increment: Increment,
  tasks = 50,
  times = 1000,
  raw: SimulatedStore = new SimulatedStore(),
): Promise<CounterRun> {
  const store = race ? trackStore(race, raw) : raw;
  const body = async () => {
    for (let i = 0; i < times; i++) await increment(store, COUNTER_KEY);
  };
  const start = race ? (fn: () => Promise<void>) => race.go(fn) : (fn: () => Promise<void>) => fn();
  await Promise.all(Array.from({ length: tasks }, () => start(body)));
  return { total: raw.peek(COUNTER_KEY), expected: tasks * times };
}

/**
 * `npm run race -- 01`: runs the counter under the detector, prints each race and then
 * `Found N data race(s)` through `write`, and returns the exit status (66, GORACE, or 0).
 */
export async function raceCounterDemo(
  race: RaceRuntime,
  increment: Increment,
  write: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  tasks = 50,
  times = 1000,
): Promise<number> {
  const { total, expected } = await runCounter(race, increment, tasks, times);
  const reporter = new RaceReporter(race, write);
  const status = reporter.finish(env);
  write(`counter: ${total.toLocaleString('en-US')} of ${expected.toLocaleString('en-US')}\n`);
  return status;
}
