// What a load tool does with a histogram besides recording: reads its mean, merges workers
// that saw nothing yet, resets it between runs. Each edge is read back through min, p0, max,
// p100, mean and count, because a wrong one shows up in only one of them.
import { Histogram } from '@target/10-load-tester/histogram';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../lib/random.ts';

const overTheWire = (histogram: Histogram): Histogram =>
  Histogram.deserialize(structuredClone(histogram.serialize()));

/** Everything a reader of one histogram sees, as one comparable object. */
function reading(histogram: Histogram) {
  return {
    count: histogram.count,
    min: histogram.min,
    p0: histogram.valueAtPercentile(0),
    p50: histogram.valueAtPercentile(50),
    p100: histogram.valueAtPercentile(100),
    max: histogram.max,
    mean: histogram.mean,
  };
}

const EMPTY = { count: 0, min: 0, p0: 0, p50: 0, p100: 0, max: 0, mean: 0 };

describe('the mean is exact while the sum of the samples stays below 2^53', () => {
  it('100,001 seeded samples of 0 … 1 h: mean = (exact sum) / n, to the last bit', () => {
    const random = seededRandom(53);
    const histogram = new Histogram();
    let sum = 0n;
    for (let i = 0; i < 100_001; i++) {
      const value = Math.floor(random() * 3_600_000_001);
      histogram.record(value);
      sum += BigInt(value);
    }
    const exact = Number(sum) / 100_001;
    expect(histogram.mean, `the mean drifted from ${exact} (a running average rounds)`).toBe(exact);
  });

  it('a merge adds the sums: the mean of the union, exactly', () => {
    const a = new Histogram();
    const b = new Histogram();
    for (const value of [1, 2, 2]) a.record(value);
    for (const value of [1_000_003, 7]) b.record(value);
    expect(
      overTheWire(a).merge(overTheWire(b)).mean,
      'the mean of a merge is the sum of both sums over both counts, not a mean of the means',
    ).toBe((1 + 2 + 2 + 1_000_003 + 7) / 5);
  });

  it('non-integers are rounded before they are summed', () => {
    const histogram = new Histogram();
    for (const value of [0.4, 2.5, 10.6]) histogram.record(value);
    expect(
      reading(histogram),
      'each sample is rounded to an integer as it is recorded (0.4 → 0, 2.5 → 3, 10.6 → 11), and the mean sums the rounded values',
    ).toEqual({
      count: 3,
      min: 0,
      p0: 0,
      p50: 3,
      p100: 11,
      max: 11,
      mean: 14 / 3,
    });
  });
});

describe('recordMany', () => {
  it('records each value as record does, from a plain array or a Float64Array', () => {
    const one = new Histogram();
    for (const value of [900, 700, 1_234_567]) one.record(value);
    const many = new Histogram();
    many.recordMany([900, 700]);
    many.recordMany(Float64Array.of(1_234_567));
    expect(reading(many), 'recordMany([900, 700]), then recordMany([1234567])').toEqual(
      reading(one),
    );
  });
});

describe('empty histograms', () => {
  it('an empty histogram reads 0 everywhere, also after a round trip', () => {
    const why = 'reads 0 everywhere: no sample, no minimum, no percentile, no NaN';
    expect(reading(new Histogram()), `an empty histogram ${why}`).toEqual(EMPTY);
    expect(reading(overTheWire(new Histogram())), `an empty histogram, posted, ${why}`).toEqual(
      EMPTY,
    );
    expect(reading(new Histogram().merge(new Histogram())), `empty.merge(empty) ${why}`).toEqual(
      EMPTY,
    );
  });

  it('merging a worker that saw nothing changes nothing: min and p0 stay 700, not 0', () => {
    const seen = () => {
      const histogram = new Histogram();
      for (const value of [900, 700, 1_234_567]) histogram.record(value);
      return histogram;
    };
    const expected = reading(seen());
    expect(expected.min).toBe(700);
    expect(
      reading(seen().merge(new Histogram())),
      'busy.merge(empty): a histogram that saw nothing must change nothing (its min is no 0)',
    ).toEqual(expected);
    expect(
      reading(seen().merge(overTheWire(new Histogram()))),
      'busy.merge(empty, posted): a histogram that saw nothing must change nothing',
    ).toEqual(expected);
    expect(
      reading(new Histogram().merge(seen())),
      'empty.merge(busy): a histogram that saw nothing must change nothing',
    ).toEqual(expected);
    expect(
      reading(overTheWire(new Histogram()).merge(seen())),
      'posted empty.merge(busy): a histogram that saw nothing must change nothing',
    ).toEqual(expected);
  });
});

describe('reading, then changing, then reading again', () => {
  it('a percentile read before a record, a merge or a reset is not what is read after it', () => {
    const histogram = new Histogram();
    for (let v = 1; v <= 10; v++) histogram.record(v);
    expect(
      histogram.valueAtPercentile(50),
      'p50 of 1 … 10 is 5, the sample of rank ceil(50/100 · 10) = 5',
    ).toBe(5);
    histogram.record(11);
    expect(
      histogram.valueAtPercentile(50),
      'p50 of 1 … 11, after a record, is 6: a percentile read before the record was served again',
    ).toBe(6);
    const more = new Histogram();
    for (let v = 12; v <= 30; v++) more.record(v);
    histogram.merge(more);
    expect(
      histogram.valueAtPercentile(50),
      'p50 of 1 … 30, after a merge, is 15: a percentile read before the merge was served again',
    ).toBe(15);
    histogram.reset();
    histogram.record(7);
    expect(
      histogram.valueAtPercentile(50),
      'p50 of 7, after a reset, is 7: something from before the reset (a percentile read ' +
        'then, the old min or max) survived it',
    ).toBe(7);
  });
});

describe('reset', () => {
  it('forgets min, max and every count: after a reset, 700 and 900 read as a fresh run', () => {
    const histogram = new Histogram();
    for (const value of [5, 1_234_567, 800]) histogram.record(value);
    histogram.reset();
    expect(
      reading(histogram),
      'right after reset, a histogram must read as an empty one: something survived the reset',
    ).toEqual(EMPTY);
    histogram.record(900);
    histogram.record(700);
    expect(
      reading(histogram),
      'a new run of 700 and 900 after reset must read as a fresh run: a min, max, count or ' +
        'sum from before the reset survived it',
    ).toEqual({
      count: 2,
      min: 700,
      p0: 700,
      p50: 700,
      p100: 900,
      max: 900,
      mean: 800,
    });
    expect(histogram.serialize().counts.length, 'non-empty counters after the reset').toBe(2);
  });

  it('a reset histogram merged into another adds nothing', () => {
    const gone = new Histogram();
    for (const value of [1, 3_600_000_000]) gone.record(value);
    gone.reset();
    const kept = new Histogram();
    kept.record(500);
    expect(
      reading(kept.merge(gone)),
      'a reset histogram merged into another must add nothing: its old min, max or counts survived',
    ).toEqual({
      count: 1,
      min: 500,
      p0: 500,
      p50: 500,
      p100: 500,
      max: 500,
      mean: 500,
    });
  });
});
