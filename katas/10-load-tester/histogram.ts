// The first draft of the load tester's latency histogram: keep every sample, sort when
// asked. Make it a real histogram (see the README): fixed memory, 3 significant digits,
// nearest-rank percentiles, merge that gives the union.
//
// Values are microseconds, 0 … 1 h. Keep the API: the specs and the load tool use it.

/** 1 hour in microseconds. */
export const HIGHEST_TRACKABLE_VALUE = 3_600_000_000;

export interface SerializedHistogram {
  samples: Float64Array;
}

export class Histogram {
  private samples: number[] = [];
  private sorted: number[] | undefined;

  record(value: number): void {
    this.samples.push(value);
    this.sorted = undefined;
  }

  recordMany(values: ArrayLike<number>): void {
    for (let i = 0; i < values.length; i++) this.record(values[i]!);
  }

  get count(): number {
    return this.samples.length;
  }

  get min(): number {
    return this.count === 0 ? 0 : this.sortedSamples()[0]!;
  }

  get max(): number {
    return this.count === 0 ? 0 : this.sortedSamples()[this.count - 1]!;
  }

  get mean(): number {
    let sum = 0;
    for (const value of this.samples) sum += value;
    return this.count === 0 ? 0 : sum / this.count;
  }

  /** p in 0 … 100. */
  valueAtPercentile(p: number): number {
    const sorted = this.sortedSamples();
    const index = Math.ceil((p / 100) * sorted.length);
    return sorted[Math.min(index, sorted.length - 1)] ?? 0;
  }

  merge(other: Histogram): this {
    for (const value of other.samples) this.record(value);
    return this;
  }

  reset(): void {
    this.samples = [];
    this.sorted = undefined;
  }

  serialize(): SerializedHistogram {
    return { samples: Float64Array.from(this.samples) };
  }

  static deserialize(s: SerializedHistogram): Histogram {
    const histogram = new Histogram();
    histogram.recordMany(s.samples);
    return histogram;
  }

  private sortedSamples(): number[] {
    this.sorted ??= [...this.samples].sort((a, b) => a - b);
    return this.sorted;
  }
}
