// Runs of the load tool on vitest's fake clock: msw's delays, the users' waits and the
// response times all read the same fake time, so a run's figures are exact and repeatable.
import { vi } from 'vitest';
import { loadStatsModule } from '../../lib/load/kata-stats.ts';
import type { LoopDelayProbe } from '../../lib/load/loop-delay.ts';
import { type LoadOptions, type RunResult, runLoad } from '../../lib/load/run.ts';

/** Timers and clocks only: promises, nextTick and setImmediate stay real, so I/O still flows. */
export function useFakeClock(): void {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
    now: 1_800_000_000_000,
  });
}

/** Fake time has no event loop to measure. */
export const calmLoop: LoopDelayProbe = { read: () => ({ p99: 0, max: 0 }), stop: () => {} };

export const fakeRunDefaults = {
  host: 'http://albums.test',
  spawnRate: 1000,
  workers: 0,
  seed: 7,
  timeoutMs: 5000,
  client: 'fetch',
  maxLoopDelayMs: 50,
  loopDelay: calmLoop,
  // Loaded before the clock is faked: an import inside the run would let fake time run ahead.
  stats: await loadStatsModule(),
} satisfies Partial<LoadOptions>;

/** Advances fake time, 100 ms at a time, until `work` has settled (bounded: 1,000 s). */
export async function inFakeTime<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const watched = work.finally(() => {
    settled = true;
  });
  watched.catch(() => {});
  for (let step = 0; !settled; step++) {
    if (step > 10_000) throw new Error('the run did not end within 1,000 s of fake time');
    await vi.advanceTimersByTimeAsync(100);
  }
  return watched;
}

export const runInFakeTime = (options: LoadOptions): Promise<RunResult> =>
  inFakeTime(runLoad(options));
