// Locust's "Reset Stats" (the web UI's Reset): the statistics start over while the run goes
// on. Counts, histograms, failures, history and warnings are forgotten; rates count from the
// reset, not from the run's start; what arrives afterwards is counted as usual.
import { describe, expect, it } from 'vitest';
import { loadStatsModule } from '../../lib/load/kata-stats.ts';
import { Recorder } from '../../lib/load/recorder.ts';
import { RunStats } from '../../lib/load/run-stats.ts';

const calm = { p99: 0, max: 0 };
const noArrivals = { scheduled: 0, late: 0, dropped: 0 };

describe('RunStats.reset (Reset stats in the web UI)', () => {
  it('forgets every count, failure, history row and warning, and counts rates from the reset', async () => {
    const stats = await loadStatsModule();
    let now = 1_800_000_000_000;
    const wall = () => now;
    const recorder = new Recorder(stats.StatsEntry, wall);
    const run = new RunStats(stats, wall, now, 50);
    const second = (requests: [string, number, string?][], loopP99 = 0) => {
      for (const [name, ms, failure] of requests) recorder.record('GET', name, ms, 10, failure);
      now += 1000;
      const report = structuredClone(recorder.drain());
      run.add({
        ...report,
        taskErrors: [['Error: boom', 1, 'at the task']],
        thread: 0,
        users: 3,
        final: false,
        loopDelay: { ...calm, p99: loopP99 },
        arrivals: noArrivals,
      });
      return run.tick();
    };
    for (let i = 0; i < 5; i++) {
      second(
        [
          ['/slow', 900, 'HTTP 500'],
          ['/slow', 800],
          ['/fast', 700],
        ],
        80,
      );
    }
    expect(run.aggregated.count).toBe(15);
    expect(run.saturation).toHaveLength(5);

    now += 300;
    run.reset();
    const resetAt = now;
    expect(run.startedAt).toBe(resetAt);
    expect(run.aggregated.count).toBe(0);
    expect(run.summaries().rows).toEqual([]);
    expect(run.failures()).toEqual([]);
    expect(run.history).toEqual([]);
    expect(run.taskErrors.size).toBe(0);
    expect(run.saturation).toEqual([]);
    expect(run.users, 'the users keep running').toBe(3);

    // Two more seconds, fast and clean: nothing of the slow, failing past shows.
    second([['/fast', 2]]);
    const row = second([['/fast', 2]]);
    const { rows, total } = run.summaries();
    expect(rows.map((r) => `${r.name} ${r.count}`)).toEqual(['/fast 2']);
    expect(rows[0]!.max, 'the slow /fast requests before the reset are gone').toBeLessThan(3);
    expect(total.failures).toBe(0);
    expect(total.max).toBeLessThan(3);
    expect(run.history).toHaveLength(2);
    expect(
      row.current?.every((ms) => ms < 3),
      'the current percentiles forgot the slow window',
    ).toBe(true);
    // 2 requests, the last 1 s after the reset: 2/s. The thread's /fast entry began before the
    // reset (its last drain), so counting from there would give 2/1.3 s; from the start, 2/6.3 s.
    expect(run.aggregated.startedAt).toBe(resetAt);
    expect(total.rps).toBeCloseTo(2, 6);
    expect(rows[0]!.rps).toBeCloseTo(2, 6);
    expect(run.taskErrors.get('Error: boom')?.count).toBe(2);
  });
});
