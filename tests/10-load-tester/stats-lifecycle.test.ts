// The load tool resets each thread's entries every second and merges them into the main
// thread's: reset, merge with failures and merge with an entry that saw nothing must leave
// every column right, current RPS and failures per second included. Fake clock, exact numbers.
import { serialize } from 'node:v8';
import { StatsEntry } from '@target/10-load-tester/stats';
import { describe, expect, it } from 'vitest';
import { FakeClock, logSteadily } from './fake-clock.ts';

const START = 1_700_000_000_000; // a whole second

/** The columns of one row of Locust's table, and the live line's two rates. */
function row(entry: StatsEntry) {
  return {
    count: entry.count,
    failures: entry.failures,
    byKind: Object.fromEntries(entry.failuresByKind),
    min: entry.min,
    p0: entry.percentile(0),
    median: entry.median,
    max: entry.max,
    avg: entry.avg,
    avgSize: entry.avgContentLength,
    totalRps: entry.totalRps,
    currentRps: entry.currentRps,
    currentFailPerSec: entry.currentFailPerSec,
  };
}

const over = (entry: StatsEntry, clock: () => number) =>
  StatsEntry.deserialize(structuredClone(entry.serialize()), clock);

describe('reset', () => {
  it('after a reset, current RPS and failures/s count only what came after it', () => {
    const clock = new FakeClock(START);
    const entry = new StatsEntry('/albums', 'GET', clock.read);
    logSteadily(entry, clock, { from: START, to: START + 30_000, rate: 100, failEvery: 2 });
    clock.now = START + 30_000;
    entry.reset();
    logSteadily(entry, clock, {
      from: START + 30_000,
      to: START + 35_000,
      rate: 200,
      failEvery: 4,
    });
    clock.now = START + 35_500;
    expect(
      [entry.currentRps, entry.currentFailPerSec],
      'current RPS and failures/s 5.5 s after a reset: 200 and 50 per second came after it, ' +
        '100 and 50 before',
    ).toEqual([200, 50]);
    expect([entry.count, entry.failures, entry.startedAt]).toEqual([1000, 250, START + 30_000]);
  });

  it('after a reset, a new run reads as if the entry were new: min is the new minimum', () => {
    const clock = new FakeClock(START);
    const entry = new StatsEntry('/albums', 'GET', clock.read);
    for (const [ms, bytes] of [
      [1, 10],
      [900, 10_000],
    ] as const) {
      clock.now += 100;
      entry.log(ms, bytes);
      entry.logFailure('HTTP 500');
    }
    clock.now = START + 2_000;
    entry.reset();
    const freshClock = new FakeClock(START + 2_000);
    const fresh = new StatsEntry('/albums', 'GET', freshClock.read);
    for (const [one, c] of [
      [entry, clock],
      [fresh, freshClock],
    ] as const) {
      c.now = START + 3_000;
      one.log(40, 100);
      one.log(20, 300);
      c.now = START + 4_000;
    }
    expect(row(entry), 'a reset entry vs a new one, after the same two requests').toEqual(
      row(fresh),
    );
    expect(row(entry)).toMatchObject({ min: 20, p0: 20, max: 40, failures: 0, byKind: {} });
  });
});

describe('merge', () => {
  function busy(clock: FakeClock) {
    clock.now = START;
    const entry = new StatsEntry('/albums', 'GET', clock.read);
    logSteadily(entry, clock, { from: START, to: START + 20_000, rate: 50, failEvery: 5 });
    entry.log(700, 5);
    entry.logFailure('ECONNREFUSED');
    clock.now = START + 20_500;
    return entry;
  }

  it('an entry that saw nothing adds nothing: min, p0 and current RPS stay as they were', () => {
    const clock = new FakeClock(START);
    const expected = row(busy(clock));
    expect(expected.min).toBe(5);
    const empty = () => new StatsEntry('/albums', 'GET', clock.read);
    expect(
      row(busy(clock).merge(empty())),
      'busy.merge(empty): an entry that saw nothing must change nothing (min, p0, current RPS)',
    ).toEqual(expected);
    expect(row(busy(clock).merge(over(empty(), clock.read))), 'busy.merge(empty, posted)').toEqual(
      expected,
    );
    const aggregate = new StatsEntry('/albums', 'GET', clock.read);
    expect(row(aggregate.merge(busy(clock))), 'empty.merge(busy)').toEqual(expected);
  });

  it('failures merge everywhere: by kind, in total and per second', () => {
    const clock = new FakeClock(START);
    const aggregate = new StatsEntry('Aggregated', '', clock.read);
    for (const failEvery of [2, 5]) {
      clock.now = START;
      const worker = new StatsEntry('/albums', 'GET', clock.read);
      logSteadily(worker, clock, { from: START, to: START + 20_000, rate: 100, failEvery });
      worker.logFailure('timeout');
      clock.now = START + 20_500;
      aggregate.merge(over(worker, clock.read));
    }
    expect(
      row(aggregate),
      'merged workers: failures add up in total, by kind and per second (the last 10 s)',
    ).toMatchObject({
      count: 4000,
      failures: 1000 + 400 + 2,
      byKind: { 'HTTP 500': 1400, timeout: 2 },
      currentRps: 200,
      // 50 + 20 per second, and the two timeouts in the last complete second
      currentFailPerSec: 702 / 10,
    });
  });
});

describe('memory', () => {
  it('1 request a second for 21 s: the 10 s window still holds its oldest second', () => {
    const clock = new FakeClock(START);
    const entry = new StatsEntry('/albums', 'GET', clock.read);
    for (let second = 0; second <= 20; second++) {
      clock.now = START + second * 1000 + 500;
      entry.log(5, 100);
      entry.logFailure('HTTP 500');
    }
    expect(
      [entry.currentRps, entry.currentFailPerSec],
      'current RPS and failures/s read in second 20 must be 1 and 1: the 10 s window holds ' +
        'seconds 10 … 19, each with one request and one failure (the whole-run average is ' +
        `${entry.totalRps.toFixed(3)})`,
    ).toEqual([1, 1]);
  });

  it('an aggregate fed one report a second keeps only the recent seconds too', () => {
    const bytes = (seconds: number) => {
      const clock = new FakeClock(START);
      const aggregate = new StatsEntry('Aggregated', '', clock.read);
      const worker = new StatsEntry('/albums', 'GET', clock.read);
      for (let second = 0; second < seconds; second++) {
        clock.now = START + second * 1000 + 500;
        worker.log(5, 100);
        worker.logFailure('HTTP 500');
        aggregate.merge(worker);
        worker.reset();
      }
      expect(aggregate.count).toBe(seconds);
      return serialize(aggregate.serialize()).byteLength;
    };
    const short = bytes(25);
    const long = bytes(100);
    expect(
      long / short,
      `25 merged seconds serialize to ${short} bytes, 100 to ${long}: every second is kept`,
    ).toBeLessThan(1.5);
  });

  it('an hour of requests serializes to about as much as a minute: old seconds are dropped', () => {
    const bytes = (ms: number) => {
      const clock = new FakeClock(START);
      const entry = new StatsEntry('/albums', 'GET', clock.read);
      logSteadily(entry, clock, { from: START, to: START + ms, rate: 2, failEvery: 1 });
      clock.now = START + ms;
      expect([entry.currentRps, entry.currentFailPerSec], `after ${ms} ms`).toEqual([2, 2]);
      return serialize(entry.serialize()).byteLength;
    };
    const minute = bytes(60_000);
    const hour = bytes(3_600_000);
    expect(
      hour / minute,
      `a minute serializes to ${minute} bytes, an hour to ${hour}: every second is kept`,
    ).toBeLessThan(1.5);
  });
});
