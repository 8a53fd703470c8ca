// A clock the spec moves by hand, and a steady stream of requests logged on it.
import type { StatsEntry } from '@target/10-load-tester/stats';

export class FakeClock {
  constructor(public now: number) {}
  readonly read = (): number => this.now;
}

/** Logs `rate` requests per second in [from, to) ms, evenly spaced, moving the clock along. */
export function logSteadily(
  entry: StatsEntry,
  clock: FakeClock,
  { from, to, rate, failEvery = 0 }: { from: number; to: number; rate: number; failEvery?: number },
): void {
  const gap = 1000 / rate;
  for (let i = 0, t = from; t < to; i++, t = from + i * gap) {
    clock.now = t;
    entry.log(5, 100);
    if (failEvery > 0 && i % failEvery === 0) entry.logFailure('HTTP 500');
  }
}
