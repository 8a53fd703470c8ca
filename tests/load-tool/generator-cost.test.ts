// The generator's own cost, like the course's `docker stats`: per thread and second its CPU
// (a share of one core), its heap and the process's RSS; in the live line, a table at the end,
// `_generator.csv`, and a warning when a thread stays above 90 % of a core.
import { describe, expect, it } from 'vitest';
import {
  GeneratorCost,
  generatorLines,
  generatorLiveField,
  SATURATED_SECONDS,
} from '../../lib/load/generator-cost.ts';
import { generatorCsv } from '../../lib/load/generator-csv.ts';
import { loadStatsModule } from '../../lib/load/kata-stats.ts';
import { liveLine } from '../../lib/load/live.ts';
import { buildReport } from '../../lib/load/report.ts';
import { runLoad } from '../../lib/load/run.ts';
import { RunStats } from '../../lib/load/run-stats.ts';
import type { IntervalReport } from '../../lib/load/runner.ts';
import albums from '../../lib/load/scenarios/albums.ts';
import { listenOnLoopback } from '../support/http-server.ts';

const MB = 2 ** 20;
const START = 1_800_000_000_000;

/** One thread's one-second report that used `share` of a core. */
function report(thread: number, share: number, heapMb = 40): IntervalReport {
  return {
    entries: [],
    taskErrors: [],
    thread,
    users: 1,
    arrivals: { scheduled: 0, late: 0, dropped: 0 },
    loopDelay: { p99: 0, max: 0 },
    cpu: { cpuSeconds: share, wallSeconds: 1 },
    heapUsedBytes: heapMb * MB,
    rssBytes: 150 * MB,
    final: false,
  };
}

/** Thread 0 busy for SATURATED_SECONDS in a row; thread 1 as often, but never in a row. */
function feed(add: (r: IntervalReport) => void): void {
  const busy = [0.97, 0.95, 0.99, 0.5];
  const broken = [0.95, 0.95, 0.5, 0.95];
  for (let second = 0; second < 4; second++) {
    add(report(0, busy[second]!, 41));
    add(report(1, broken[second]!, 30 + second));
  }
}

describe('the generator’s own cost', () => {
  it(`calls a thread saturated after ${SATURATED_SECONDS} s in a row above 90 % of a core`, () => {
    const cost = new GeneratorCost();
    feed((r) => cost.add(r, START));
    const [zero, one] = cost.threads();
    expect(zero).toMatchObject({ saturated: true, secondsAboveLimit: 3, heapMaxBytes: 41 * MB });
    expect(zero!.cpuAvg).toBeCloseTo((0.97 + 0.95 + 0.99 + 0.5) / 4, 10);
    expect(one).toMatchObject({ saturated: false, secondsAboveLimit: 2, heapMaxBytes: 33 * MB });
    expect(generatorLines(cost)).toEqual([
      'generator: thread 0 85 % CPU (max 99 %), heap 41 MB — saturated (above 90 % of a core for 3 s)',
      'generator: thread 1 84 % CPU (max 95 %), heap 33 MB',
      'generator: process RSS 150 MB (peak)',
    ]);
  });

  it('warns beside the event-loop delay, naming the thread', async () => {
    const stats = new RunStats(await loadStatsModule(), () => START, START, 50);
    feed((r) => stats.add(r));
    const meta = {
      host: 'http://127.0.0.1:9',
      scenario: 'albums',
      users: 2,
      spawnRate: 2,
      runTimeMs: 4000,
      workers: 2,
      seed: 1,
      client: 'net',
      maxLoopDelayMs: 50,
    } as const;
    const result = { stats, threadCpu: [], interrupted: false, startedAt: START, endedAt: START };
    const warnings = buildReport(meta, result, []).warnings.join('\n');
    expect(warnings).toMatch(
      /more than 90 % of a core for 3 s or longer \(thread 0: 3 s, max 99 %\)/,
    );
    expect(warnings).not.toMatch(/thread 1/);
  });

  it('shows each thread in the live line, and writes one CSV row per thread and second', async () => {
    const stats = new RunStats(await loadStatsModule(), () => START, START, 50);
    stats.add(report(0, 0.42, 41));
    expect(liveLine(stats.tick(), 1000, 5000, false)).toMatch(
      /\| gen CPU 42 %, heap 41 MB, RSS 150 MB$/,
    );
    stats.add(report(1, 0.3, 20));
    expect(generatorLiveField(stats.tick().generator)).toBe(
      'gen t0 42 % 41 MB, t1 30 % 20 MB, RSS 150 MB',
    );
    expect(generatorCsv(stats.generator)).toBe(
      'Timestamp,Thread,CPU %,Heap Used (MB),Process RSS (MB)\r\n' +
        '1800000000,0,42,41,150\r\n1800000000,1,30,20,150\r\n',
    );
  });

  it('is measured in a real run: every report carries the thread’s heap and the RSS', async () => {
    const service = await listenOnLoopback((_, res) => res.end('[]'));
    try {
      const { stats } = await runLoad({
        host: service.url,
        scenario: albums,
        users: 2,
        spawnRate: 100,
        runTimeMs: 300,
        workers: 0,
        seed: 1,
        timeoutMs: 1000,
        client: 'net',
        maxLoopDelayMs: 1000,
      });
      const [last] = stats.generator.samples.slice(-1);
      expect(last?.heapUsedBytes).toBeGreaterThan(MB);
      expect(last?.rssBytes).toBeGreaterThan(last!.heapUsedBytes!);
      // CPU comes in clock ticks (10 ms): a short run may show 0, but it shows a number.
      if (process.platform === 'linux') expect(last?.cpu).toBeTypeOf('number');
    } finally {
      await service.close();
    }
  });
});
