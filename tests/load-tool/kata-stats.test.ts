// The load tool talks to kata 10 only through the interface lib/load/kata-stats.ts owns: the
// stub and the reference both implement it (typecheck proves it here), and the tool records,
// reports and merges with whichever the switch picked, although their serialized forms differ.
import { describe, expect, it } from 'vitest';
import * as stub from '../../katas/10-load-tester/stats.ts';
import { type LoadStatsModule, loadStatsModule } from '../../lib/load/kata-stats.ts';
import { Recorder } from '../../lib/load/recorder.ts';
import { RunStats } from '../../lib/load/run-stats.ts';
import { toolSelection } from '../../lib/target/target.ts';
import * as reference from '../../solutions/10-load-tester/stats.ts';

// Compile-time: both modules satisfy the tool's interface, with nothing the kata does not teach.
const implementations: Record<string, LoadStatsModule> = { stub, reference };

const calm = { p99: 0, max: 0 };

describe.each([
  ['the reference', false],
  ['the learner’s code (--kata)', true],
] as const)('the load tool on %s', (_, kata) => {
  it('records in a thread, ships the report, and merges it in the coordinator', async () => {
    const stats = await loadStatsModule(toolSelection(kata, {}));
    expect(stats.StatsEntry).toBe(implementations[kata ? 'stub' : 'reference']!.StatsEntry);
    let now = 1_800_000_000_000;
    const wall = () => now;
    const recorder = new Recorder(stats.StatsEntry, wall);
    recorder.record('GET', '/albums', 12, 100);
    recorder.record('GET', '/albums', 30, 100, 'HTTP 500');
    recorder.record('POST', '/albums', 5, 20);
    now += 1000;
    const report = structuredClone(recorder.drain());
    const run = new RunStats(stats, wall, now - 1000, 50);
    const thread = { thread: 0, users: 1, final: true, loopDelay: calm };
    run.add({ ...report, ...thread, arrivals: { scheduled: 0, late: 0, dropped: 0 } });
    const { rows, total } = run.summaries();
    expect(rows.map((row) => `${row.method} ${row.name} ${row.count}`)).toEqual([
      'GET /albums 2',
      'POST /albums 1',
    ]);
    expect(total.count).toBe(3);
    expect(total.failures).toBe(1);
    expect(total.max).toBeCloseTo(30, 1);
    expect(run.failures()).toEqual([
      { method: 'GET', name: '/albums', error: 'HTTP 500', occurrences: 1 },
    ]);
  });
});
