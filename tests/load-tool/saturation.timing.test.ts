import { describe, expect, it } from 'vitest';
import { loadStatsModule } from '../../lib/load/kata-stats.ts';
import { buildReport } from '../../lib/load/report.ts';
import { runLoad } from '../../lib/load/run.ts';
import { RunStats } from '../../lib/load/run-stats.ts';
import { defineScenario, task } from '../../lib/load/scenario.ts';
import { constant } from '../../lib/load/wait.ts';

const BUSY_MS = 80;

/** A user whose task hogs the generator's thread: nothing else can run meanwhile. */
const hog = defineScenario({
  name: 'hog',
  wait: constant(0.01),
  state: () => undefined,
  tasks: [
    task(1, 'spin', () => {
      const until = performance.now() + BUSY_MS;
      while (performance.now() < until) {
        // busy
      }
    }),
  ],
});

const options = {
  host: 'http://127.0.0.1:9',
  scenario: hog,
  users: 1,
  spawnRate: 1,
  runTimeMs: 600,
  workers: 0,
  seed: 1,
  timeoutMs: 1000,
  client: 'undici',
  maxLoopDelayMs: 30,
} as const;

describe('a generator that saturates itself', () => {
  it('measures its own event-loop delay and flags the run as suspect', async () => {
    const result = await runLoad(options);
    const [flagged] = result.stats.saturation;
    expect(flagged?.p99).toBeGreaterThan(BUSY_MS / 2);
    const { warnings } = buildReport({ ...options, scenario: 'hog' }, result, []);
    expect(warnings.join('\n')).toMatch(/saturated itself: event-loop delay p99 above 30 ms/);
  });

  it('does not flag an interval whose delay stays under the limit', async () => {
    const stats = new RunStats(await loadStatsModule(), Date.now, Date.now(), 30);
    const report = {
      entries: [],
      taskErrors: [],
      thread: 0,
      users: 1,
      arrivals: { scheduled: 0, late: 0, dropped: 0 },
      final: false,
    };
    stats.add({ ...report, loopDelay: { p99: 29, max: 45 } });
    expect(stats.saturation).toEqual([]);
    stats.add({ ...report, loopDelay: { p99: 31, max: 45 } });
    expect(stats.saturation.map((s) => s.p99)).toEqual([31]);
  });
});
