// "Current RPS" is what the live line shows: the rate over the last 10 complete seconds
// (Locust's window), not the whole run's average. On a fake clock the numbers are exact.
import { StatsEntry } from '@target/10-load-tester/stats';
import { describe, expect, it } from 'vitest';
import { FakeClock, logSteadily } from './fake-clock.ts';

const START = 1_700_000_000_000; // a whole second, as Date.now() might read
const STEP = START + 30_000;

describe('current RPS on a fake clock: 100 req/s for 30 s, then 500 req/s', () => {
  function run(until: number) {
    const clock = new FakeClock(START);
    const entry = new StatsEntry('/albums', 'GET', clock.read);
    logSteadily(entry, clock, { from: START, to: Math.min(until, STEP), rate: 100 });
    if (until > STEP) logSteadily(entry, clock, { from: STEP, to: until, rate: 500 });
    clock.now = until;
    return entry;
  }

  it('3.5 s into the run it averages the 3 complete seconds: 100', () => {
    expect(run(START + 3_500).currentRps).toBeCloseTo(100, 9);
  });

  it('5.5 s after the step the window holds 5 s of each rate: 300', () => {
    expect(
      run(STEP + 5_500).currentRps,
      'current RPS 5.5 s after 100/s stepped to 500/s: the last 10 s hold 5 s of each, so 300 (not the whole-run average)',
    ).toBeCloseTo(300, 9);
  });

  it('10.5 s after the step it has followed the step: 500', () => {
    const entry = run(STEP + 10_500);
    expect(
      entry.currentRps,
      `current RPS is ${entry.currentRps.toFixed(1)} 10 s after the rate stepped from 100/s ` +
        `to 500/s (the whole-run average is ${entry.totalRps.toFixed(1)})`,
    ).toBeCloseTo(500, 9);
  });

  it('12 s after the requests stop it reads 0 while the whole-run figure stays up', () => {
    const clock = new FakeClock(START);
    const entry = new StatsEntry('/albums', 'GET', clock.read);
    logSteadily(entry, clock, { from: START, to: STEP, rate: 100 });
    clock.now = STEP + 12_000;
    expect(
      entry.currentRps,
      `nothing was sent in the last 10 s, so current RPS must read 0; it reads ` +
        `${entry.currentRps.toFixed(1)} (the whole-run average is ${entry.totalRps.toFixed(1)})`,
    ).toBe(0);
    expect(entry.totalRps).toBeCloseTo(100, 0);
  });

  it('failures per second follow the same window', () => {
    const clock = new FakeClock(START);
    const entry = new StatsEntry('/albums', 'GET', clock.read);
    logSteadily(entry, clock, { from: START, to: STEP, rate: 100, failEvery: 10 });
    logSteadily(entry, clock, { from: STEP, to: STEP + 10_000, rate: 500, failEvery: 2 });
    clock.now = STEP + 10_500;
    expect(
      entry.currentFailPerSec,
      'failures/s over the last 10 s: every other request of 500/s failed, so 250 (not the whole-run average)',
    ).toBeCloseTo(250, 9);
    expect(entry.failures).toBe(300 + 2500);
  });

  it('two workers merged add their rates', () => {
    const aggregate = new StatsEntry('Aggregated', '', () => STEP + 10_500);
    for (const seed of [0, 1]) {
      const clock = new FakeClock(START + seed);
      const entry = new StatsEntry('/albums', 'GET', clock.read);
      logSteadily(entry, clock, { from: START + seed, to: STEP + 10_000, rate: 100 });
      aggregate.merge(StatsEntry.deserialize(structuredClone(entry.serialize()), clock.read));
    }
    expect(
      aggregate.currentRps,
      'two workers at 100/s each: the merged current RPS is the sum of their last 10 s, 200',
    ).toBeCloseTo(200, 9);
  });
});
