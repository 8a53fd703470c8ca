import { describe, expect, it } from 'vitest';
import { evaluateThresholds, parseThreshold } from '../../lib/load/thresholds.ts';
import { parseDuration, parseRate } from '../../lib/load/units.ts';
import { StatsEntry } from '../../solutions/10-load-tester/stats.ts';

/** 90 requests at 10 ms and 10 at 500 ms, 5 of them failed, over 10 seconds. */
function entry(): StatsEntry {
  let now = 0;
  const stats = new StatsEntry('Aggregated', '', () => now);
  for (let i = 0; i < 100; i++) {
    now = i * 100 + 100;
    stats.log(i < 90 ? 10 : 500, 100);
    if (i % 20 === 0) stats.logFailure('HTTP 500');
  }
  return stats;
}

const verdicts = (...texts: string[]) =>
  evaluateThresholds(texts.map(parseThreshold), entry()).map(
    ({ threshold, actual, passed }) => `${threshold.text} ${passed ? 'ok' : 'breach'} ${actual}`,
  );

describe('thresholds, as k6 writes them', () => {
  it('checks percentiles, averages, extremes, the failure ratio and the rate', () => {
    // The histogram reads 10 ms as 10.007 (the top of its bucket, at most 0.1 % high).
    const times = [
      'p95<200',
      'p(90)<=10.01',
      'p50<10',
      'avg<100',
      'avg<50',
      'max<0.5s',
      'max<=0.5s',
    ];
    expect(verdicts(...times)).toEqual([
      'p95<200 breach 500',
      'p(90)<=10.01 ok 10.007',
      'p50<10 breach 10.007',
      'avg<100 ok 59',
      'avg<50 breach 59',
      'max<0.5s breach 500',
      'max<=0.5s ok 500',
    ]);
    expect(verdicts('fail<1%', 'fail<=0.05', 'rps>=10', 'rps>10')).toEqual([
      'fail<1% breach 0.05',
      'fail<=0.05 ok 0.05',
      'rps>=10 ok 10',
      'rps>10 breach 10',
    ]);
  });

  it('rejects what it cannot check, saying what would work', () => {
    expect(() => parseThreshold('p95 200')).toThrow(/not a threshold.*p95<200/);
    expect(() => parseThreshold('p101<5')).toThrow(/above p100/);
    expect(() => parseThreshold('fail<5')).toThrow(/0 … 1, or a percentage/);
    expect(() => parseThreshold('latency<5')).toThrow(/unknown metric/);
    expect(() => parseThreshold('avg<5%')).toThrow(/ms or s/);
  });
});

describe('command-line quantities', () => {
  it('reads Locust-style durations and rates', () => {
    expect([parseDuration('30s'), parseDuration('1m30s'), parseDuration('2h')]).toEqual([
      30_000, 90_000, 7_200_000,
    ]);
    expect([parseDuration('250ms'), parseDuration('5')]).toEqual([250, 5000]);
    expect([parseRate('500/s'), parseRate('30/m'), parseRate('20')]).toEqual([500, 0.5, 20]);
    expect(() => parseDuration('soon')).toThrow(/not a duration/);
    expect(() => parseRate('0/s')).toThrow(/not a rate/);
  });
});
