// One StatsEntry row of the final table: what Locust prints for a request name.
import { StatsEntry } from '@target/10-load-tester/stats';
import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock.ts';

/** Percentiles come from the histogram: 3 significant digits, never below the exact answer. */
function expectWithinPrecision(got: number, exact: number, what: string): void {
  const why = `${what} reads ${got} ms; the sample of its rank is ${exact} ms`;
  expect(got, `${why}: a percentile never reads below it`).toBeGreaterThanOrEqual(exact);
  expect(got, `${why}: 3 significant digits allow at most 0.1 % above it`).toBeLessThanOrEqual(
    exact * 1.001,
  );
}

describe('a StatsEntry row', () => {
  function row() {
    const clock = new FakeClock(10_000);
    const entry = new StatsEntry('/albums/:id', 'GET', clock.read);
    const requests: [number, number, string?][] = [
      [12, 300],
      [40, 500],
      [3, 0, 'ECONNREFUSED'],
      [250, 200, 'HTTP 500'],
      [8, 0, 'ECONNREFUSED'],
    ];
    for (const [ms, bytes, failure] of requests) {
      clock.now += 500;
      entry.log(ms, bytes);
      if (failure) entry.logFailure(failure);
    }
    return entry;
  }

  it('counts requests, failures by kind, and sizes', () => {
    const entry = row();
    expect(entry.name).toBe('/albums/:id');
    expect(entry.method).toBe('GET');
    expect(entry.count).toBe(5);
    expect(entry.failures).toBe(3);
    expect(Object.fromEntries(entry.failuresByKind)).toEqual({ ECONNREFUSED: 2, 'HTTP 500': 1 });
    expect(entry.avgContentLength).toBe(200);
  });

  it('min, max, avg, median, p95 and p99 in milliseconds', () => {
    const entry = row();
    expect(entry.min).toBe(3);
    expect(entry.max).toBe(250);
    expect(entry.avg).toBeCloseTo(62.6, 9);
    expectWithinPrecision(entry.median, 12, 'median');
    expectWithinPrecision(entry.p95, 250, 'p95');
    expectWithinPrecision(entry.p99, 250, 'p99');
    expectWithinPrecision(entry.percentile(60), 12, 'p60');
    expectWithinPrecision(entry.percentile(80), 40, 'p80');
  });

  it('total RPS over the run, from the first clock reading to the last request', () => {
    const entry = row();
    expect(entry.totalRps).toBeCloseTo(5 / 2.5, 9);
    expect(entry.totalFailPerSec).toBeCloseTo(3 / 2.5, 9);
  });

  it('survives serialization for postMessage', () => {
    const entry = row();
    const copy = StatsEntry.deserialize(structuredClone(entry.serialize()), () => 12_500);
    for (const key of ['count', 'failures', 'min', 'max', 'avg', 'median', 'p95'] as const) {
      expect(copy[key], key).toBe(entry[key]);
    }
    expect(copy.failuresByKind).toEqual(entry.failuresByKind);
    expect(copy.totalRps).toBe(entry.totalRps);
    const otherVersion = { ...entry.serialize(), version: 2 };
    expect(
      () => StatsEntry.deserialize(otherVersion, () => 12_500),
      'deserialize must refuse another format (version 2) with a TypeError, not misread it',
    ).toThrow(TypeError);
    expect(() => StatsEntry.deserialize(otherVersion, () => 12_500)).toThrow(/version 2/);
  });

  it('reset forgets everything and restarts the clock', () => {
    const entry = row();
    entry.reset();
    expect([entry.count, entry.failures, entry.avg, entry.p95, entry.totalRps]).toEqual([
      0, 0, 0, 0, 0,
    ]);
    expect(entry.failuresByKind.size).toBe(0);
  });

  it('a bad sample is a RangeError; a reply slower than 1 h counts as 1 h', () => {
    const entry = new StatsEntry('/albums', 'GET', () => 10_000);
    for (const [ms, bytes] of [
      [-1, 0],
      [Number.NaN, 0],
      [5, -1],
      [5, Number.NaN],
    ]) {
      expect(
        () => entry.log(ms!, bytes!),
        `log(${ms}, ${bytes}) must throw a RangeError that names the bad sample, not record it`,
      ).toThrow(
        expect.objectContaining({
          name: 'RangeError',
          // The sample as the caller gave it: milliseconds, not the histogram's microseconds.
          message: expect.stringContaining(ms === 5 ? String(bytes) : `${ms} ms`),
        }),
      );
    }
    expect(entry.count, 'bad samples are not counted').toBe(0);
    expect(
      () => entry.log(0, 0),
      'log(0, 0) must be recorded: a reply in under a microsecond is a good sample',
    ).not.toThrow();
    expect([entry.count, entry.min], 'a reply in under a microsecond is a good sample').toEqual([
      1, 0,
    ]);
    entry.log(4_000_000, 0);
    expect([entry.count, entry.max, entry.percentile(100)]).toEqual([2, 3_600_000, 3_600_000]);
  });

  it('at the very first instant no rate is NaN or Infinity', () => {
    const entry = new StatsEntry('/albums', 'GET', () => 1_700_000_000_000);
    const rates = () => [
      entry.totalRps,
      entry.totalFailPerSec,
      entry.currentRps,
      entry.currentFailPerSec,
    ];
    expect(rates(), 'before any request').toEqual([0, 0, 0, 0]);
    expect([entry.avg, entry.avgContentLength], 'averages before any request').toEqual([0, 0]);
    entry.log(3, 10);
    entry.logFailure('HTTP 500');
    const finite = rates().filter((rate) => Number.isFinite(rate) && rate >= 0);
    expect(finite, 'rates after one failed request in the start millisecond').toEqual(rates());
    expect([entry.currentRps, entry.currentFailPerSec], 'no complete second yet').toEqual([0, 0]);
  });
});
