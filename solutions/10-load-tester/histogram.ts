// An HdrHistogram-style latency histogram: log-linear buckets with 3 significant digits.
//
// API (the load tool builds on exactly this):
//   new Histogram()
//   record(value: number): void            value: microseconds, 0 … HIGHEST_TRACKABLE_VALUE
//                                          (1 h); non-integers are rounded; anything else
//                                          (negative, NaN, > 1 h) throws a RangeError
//   recordMany(values: ArrayLike<number>): void
//   get count(): number                    samples recorded
//   get min(): number / get max(): number  exact smallest / largest sample (0 when empty)
//   get mean(): number                     exact mean of the samples (0 when empty)
//   valueAtPercentile(p: number): number   p in 0 … 100, see "Percentiles" below
//   merge(other: Histogram): this          adds other's samples (the union of both)
//   reset(): void
//   serialize(): SerializedHistogram       plain object + typed arrays, for postMessage
//   static deserialize(s: SerializedHistogram): Histogram
//
// Percentiles (nearest rank): the p-th percentile of n samples is the sample of rank
// max(1, ceil(p/100 · n)) in ascending order; a p/100 · n one ulp above a whole number counts
// as that number (the rounding of a decimal p). The histogram returns the highest value in
// that sample's bucket, clamped to [min, max], so p0 is exactly min, p100 exactly max, and
// every answer is within 0.1 % above the exact one (exact below 2048 µs).
//
// Buckets: values below 2048 have a bucket each; above, each power of two [2^k, 2^(k+1))
// is split into 1024 equal sub-buckets, so a bucket is never wider than 1/1024 of its values.
// Memory is fixed (about 23,000 counters) however many samples are recorded.

/** 1 hour in microseconds. */
export const HIGHEST_TRACKABLE_VALUE = 3_600_000_000;

const SUB_BUCKET_HALF_BITS = 10;
const SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_BITS; // 1024
const SUB_BUCKET_MASK = 2 * SUB_BUCKET_HALF_COUNT - 1; // 2047
const FORMAT_VERSION = 1;

/** Index of the counter for an integer value in 0 … 2^32 − 1. */
function countsIndex(value: number): number {
  // floor(log2(value | 2047)) − 10: 0 for values below 2048, then one per power of two.
  const bucket = 31 - SUB_BUCKET_HALF_BITS - Math.clz32(value | SUB_BUCKET_MASK);
  return ((bucket + 1) << SUB_BUCKET_HALF_BITS) + (value >>> bucket) - SUB_BUCKET_HALF_COUNT;
}

/** Lowest value counted by counter `index`, and the width of its bucket. */
function bucketOf(index: number): { lowest: number; width: number } {
  let bucket = (index >> SUB_BUCKET_HALF_BITS) - 1;
  let subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
  if (bucket < 0) {
    subBucket -= SUB_BUCKET_HALF_COUNT;
    bucket = 0;
  }
  const width = 2 ** bucket;
  return { lowest: subBucket * width, width };
}

const COUNTS_LENGTH = countsIndex(HIGHEST_TRACKABLE_VALUE) + 1;

/** Structured-clone friendly: only the non-empty counters travel. */
export interface SerializedHistogram {
  version: number;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Counter indexes, ascending, and their counts. */
  indexes: Uint32Array;
  counts: Float64Array;
}

// `nextDown`'s scratch: one double, and the same 64 bits as an integer.
const scratch = new Float64Array(1);
const bits = new BigInt64Array(scratch.buffer);

/** The largest double below a positive finite x: x minus one ulp. */
function nextDown(x: number): number {
  scratch[0] = x;
  bits[0]! -= 1n;
  return scratch[0]!;
}

/**
 * The nearest rank of percentile p among n samples: ceil(p/100 · n), at least 1. A decimal
 * percentile has no exact double, so p/100 · n can land one ulp above the whole rank it means
 * (1.1 % of 1000 computes as 11.000000000000002): one ulp is forgiven, and not one more, as
 * HdrHistogram does. 50.00000000001 % of 1000 samples is rank 501, not 500.
 */
function nearestRank(p: number, n: number): number {
  const exact = (p / 100) * n;
  return exact > 0 ? Math.max(1, Math.ceil(nextDown(exact))) : 1;
}

function checkPercentile(p: number): void {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in 0 … 100; got ${p}`);
}

export class Histogram {
  protected readonly counts = new Float64Array(COUNTS_LENGTH);
  protected total = 0;
  protected sum = 0;
  protected minValue = Number.POSITIVE_INFINITY;
  protected maxValue = 0;
  /**
   * Running totals of the counters up to max's, built by the first percentile read after a
   * change, so that reading many percentiles costs one pass and then a binary search each.
   */
  private cumulative: Float64Array | undefined;

  record(value: number): void {
    if (!(value >= 0 && value <= HIGHEST_TRACKABLE_VALUE)) {
      throw new RangeError(
        `histogram value must be 0 … ${HIGHEST_TRACKABLE_VALUE} µs (1 h); got ${value}`,
      );
    }
    const v = Math.round(value);
    this.counts[countsIndex(v)]!++;
    this.cumulative = undefined;
    this.total++;
    this.sum += v;
    if (v < this.minValue) this.minValue = v;
    if (v > this.maxValue) this.maxValue = v;
  }

  recordMany(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.record(values[i]!);
  }

  get count(): number {
    return this.total;
  }

  get min(): number {
    return this.total === 0 ? 0 : this.minValue;
  }

  get max(): number {
    return this.maxValue;
  }

  get mean(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  valueAtPercentile(p: number): number {
    checkPercentile(p);
    if (this.total === 0) return 0;
    const rank = nearestRank(p, this.total);
    if (rank === 1) return this.minValue;
    this.cumulative ??= this.runningTotals();
    // The first counter whose running total reaches the rank holds the rank's sample.
    let [low, high] = [0, this.cumulative.length - 1];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! >= rank) high = middle;
      else low = middle + 1;
    }
    const { lowest, width } = bucketOf(low);
    return Math.min(Math.max(lowest + width - 1, this.minValue), this.maxValue);
  }

  private runningTotals(): Float64Array {
    const totals = new Float64Array(countsIndex(this.maxValue) + 1);
    let seen = 0;
    for (let i = 0; i < totals.length; i++) totals[i] = seen += this.counts[i]!;
    return totals;
  }

  merge(other: Histogram): this {
    const theirs = other.counts;
    for (let i = 0; i < COUNTS_LENGTH; i++) {
      if (theirs[i] !== 0) this.counts[i]! += theirs[i]!;
    }
    this.cumulative = undefined;
    this.total += other.total;
    this.sum += other.sum;
    this.minValue = Math.min(this.minValue, other.minValue);
    this.maxValue = Math.max(this.maxValue, other.maxValue);
    return this;
  }

  reset(): void {
    this.counts.fill(0);
    this.cumulative = undefined;
    this.total = 0;
    this.sum = 0;
    this.minValue = Number.POSITIVE_INFINITY;
    this.maxValue = 0;
  }

  serialize(): SerializedHistogram {
    let used = 0;
    for (let i = 0; i < COUNTS_LENGTH; i++) if (this.counts[i] !== 0) used++;
    const indexes = new Uint32Array(used);
    const counts = new Float64Array(used);
    for (let i = 0, j = 0; i < COUNTS_LENGTH; i++) {
      if (this.counts[i] === 0) continue;
      indexes[j] = i;
      counts[j++] = this.counts[i]!;
    }
    return {
      version: FORMAT_VERSION,
      count: this.total,
      sum: this.sum,
      min: this.min,
      max: this.max,
      indexes,
      counts,
    };
  }

  static deserialize(s: SerializedHistogram): Histogram {
    if (s.version !== FORMAT_VERSION || s.indexes.length !== s.counts.length) {
      throw new TypeError(`not a serialized histogram (version ${s.version})`);
    }
    const histogram = new Histogram();
    for (let j = 0; j < s.indexes.length; j++) {
      const index = s.indexes[j]!;
      if (index >= COUNTS_LENGTH) throw new RangeError(`counter index ${index} out of range`);
      histogram.counts[index] = s.counts[j]!;
    }
    histogram.total = s.count;
    histogram.sum = s.sum;
    histogram.minValue = s.count === 0 ? Number.POSITIVE_INFINITY : s.min;
    histogram.maxValue = s.max;
    return histogram;
  }
}
