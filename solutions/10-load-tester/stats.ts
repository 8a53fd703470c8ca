// Locust-style statistics for one request name (or the aggregate of all of them).
//
// API (the load tool builds on exactly this; times in milliseconds, sizes in bytes):
//   new StatsEntry(name: string, method: string, clock: () => number /* ms, e.g. Date.now */)
//   log(responseTimeMs: number, contentLength: number): void
//       every request that ended, failed or not, as Locust does: failures count in # reqs
//   logFailure(kind: string): void
//       additionally, for a failed request; counted by kind ('ECONNREFUSED', 'HTTP 500', …)
//   readonly name, method
//   count, failures, failuresByKind: ReadonlyMap<string, number>
//   min, max, avg (exact), median, p95, p99, percentile(p: 0 … 100) (histogram, ≤ 0.1 % high)
//   avgContentLength
//   totalRps, totalFailPerSec       over [startedAt, lastRequestAt], as Locust
//   currentRps, currentFailPerSec   over the last 10 complete seconds before clock()
//   startedAt, lastRequestAt        clock readings (lastRequestAt is 0 before any request)
//   merge(other: StatsEntry): this  the union of both (histograms merged, never averaged)
//   reset(): void                   forget everything; startedAt becomes clock()
//   serialize(): SerializedStats    structured-clone friendly, for postMessage
//   static deserialize(s: SerializedStats, clock: () => number): StatsEntry
//
// Merged entries must read the same clock (Date.now in every thread, not performance.now,
// whose origin differs per worker).
import { HIGHEST_TRACKABLE_VALUE, Histogram, type SerializedHistogram } from './histogram.ts';

/** Current RPS averages this many complete seconds, excluding the one in progress. */
export const CURRENT_WINDOW_SECONDS = 10;

export interface SerializedStats {
  version: number;
  name: string;
  method: string;
  startedAt: number;
  lastRequestAt: number;
  count: number;
  failures: number;
  sumResponseTime: number;
  sumContentLength: number;
  failuresByKind: [string, number][];
  requestsPerSecond: [number, number][];
  failuresPerSecond: [number, number][];
  histogram: SerializedHistogram;
}

const FORMAT_VERSION = 1;

/** Requests per wall-clock second (floor(t / 1000)); seconds older than the window are dropped. */
class PerSecond {
  readonly counts = new Map<number, number>();

  add(second: number, n: number): void {
    this.counts.set(second, (this.counts.get(second) ?? 0) + n);
  }

  forget(before: number): void {
    for (const second of this.counts.keys()) if (second < before) this.counts.delete(second);
  }

  sum(from: number, to: number): number {
    let total = 0;
    for (const [second, n] of this.counts) if (second >= from && second < to) total += n;
    return total;
  }
}

export class StatsEntry {
  protected histogram = new Histogram(); // microseconds
  protected requests = new PerSecond();
  protected failed = new PerSecond();
  protected byKind = new Map<string, number>();
  protected sumResponseTime = 0;
  protected sumContentLength = 0;
  protected numFailures = 0;
  startedAt: number;
  lastRequestAt = 0;

  constructor(
    readonly name: string,
    readonly method: string,
    private readonly clock: () => number,
  ) {
    this.startedAt = clock();
  }

  log(responseTimeMs: number, contentLength: number): void {
    if (!(responseTimeMs >= 0) || !(contentLength >= 0)) {
      throw new RangeError(`bad sample: ${responseTimeMs} ms, ${contentLength} bytes`);
    }
    const now = this.clock();
    this.histogram.record(Math.min(Math.round(responseTimeMs * 1000), HIGHEST_TRACKABLE_VALUE));
    this.sumResponseTime += responseTimeMs;
    this.sumContentLength += contentLength;
    this.lastRequestAt = Math.max(this.lastRequestAt, now);
    this.countIn(this.requests, now);
  }

  logFailure(kind: string): void {
    this.numFailures++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    this.countIn(this.failed, this.clock());
  }

  private countIn(perSecond: PerSecond, now: number): void {
    const second = Math.floor(now / 1000);
    perSecond.add(second, 1);
    if (perSecond.counts.size > 2 * CURRENT_WINDOW_SECONDS) {
      perSecond.forget(second - CURRENT_WINDOW_SECONDS);
    }
  }

  get count(): number {
    return this.histogram.count;
  }
  get failures(): number {
    return this.numFailures;
  }
  get failuresByKind(): ReadonlyMap<string, number> {
    return this.byKind;
  }
  get min(): number {
    return this.histogram.min / 1000;
  }
  get max(): number {
    return this.histogram.max / 1000;
  }
  get avg(): number {
    return this.count === 0 ? 0 : this.sumResponseTime / this.count;
  }
  percentile(p: number): number {
    return this.histogram.valueAtPercentile(p) / 1000;
  }
  get median(): number {
    return this.percentile(50);
  }
  get p95(): number {
    return this.percentile(95);
  }
  get p99(): number {
    return this.percentile(99);
  }
  get avgContentLength(): number {
    return this.count === 0 ? 0 : this.sumContentLength / this.count;
  }

  private get runSeconds(): number {
    return (this.lastRequestAt - this.startedAt) / 1000;
  }
  get totalRps(): number {
    return this.runSeconds > 0 ? this.count / this.runSeconds : 0;
  }
  get totalFailPerSec(): number {
    return this.runSeconds > 0 ? this.failures / this.runSeconds : 0;
  }

  /** Per second over the complete seconds of the last 10 (fewer right after the start). */
  private windowRate(perSecond: PerSecond): number {
    const current = Math.floor(this.clock() / 1000);
    const from = current - CURRENT_WINDOW_SECONDS;
    const spanMs = current * 1000 - Math.max(from * 1000, this.startedAt);
    return spanMs > 0 ? perSecond.sum(from, current) / (spanMs / 1000) : 0;
  }
  get currentRps(): number {
    return this.windowRate(this.requests);
  }
  get currentFailPerSec(): number {
    return this.windowRate(this.failed);
  }

  merge(other: StatsEntry): this {
    this.histogram.merge(other.histogram);
    for (const [second, n] of other.requests.counts) this.requests.add(second, n);
    for (const [second, n] of other.failed.counts) this.failed.add(second, n);
    for (const [kind, n] of other.byKind) this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + n);
    this.sumResponseTime += other.sumResponseTime;
    this.sumContentLength += other.sumContentLength;
    this.numFailures += other.numFailures;
    this.startedAt = Math.min(this.startedAt, other.startedAt);
    this.lastRequestAt = Math.max(this.lastRequestAt, other.lastRequestAt);
    const before = Math.floor(this.clock() / 1000) - CURRENT_WINDOW_SECONDS;
    this.requests.forget(before);
    this.failed.forget(before);
    return this;
  }

  reset(): void {
    this.histogram.reset();
    this.requests = new PerSecond();
    this.failed = new PerSecond();
    this.byKind = new Map();
    this.sumResponseTime = 0;
    this.sumContentLength = 0;
    this.numFailures = 0;
    this.startedAt = this.clock();
    this.lastRequestAt = 0;
  }

  serialize(): SerializedStats {
    return {
      version: FORMAT_VERSION,
      name: this.name,
      method: this.method,
      startedAt: this.startedAt,
      lastRequestAt: this.lastRequestAt,
      count: this.count,
      failures: this.numFailures,
      sumResponseTime: this.sumResponseTime,
      sumContentLength: this.sumContentLength,
      failuresByKind: [...this.byKind],
      requestsPerSecond: [...this.requests.counts],
      failuresPerSecond: [...this.failed.counts],
      histogram: this.histogram.serialize(),
    };
  }

  static deserialize(s: SerializedStats, clock: () => number): StatsEntry {
    if (s.version !== FORMAT_VERSION)
      throw new TypeError(`not serialized stats (version ${s.version})`);
    const entry = new StatsEntry(s.name, s.method, clock);
    entry.histogram = Histogram.deserialize(s.histogram);
    for (const [second, n] of s.requestsPerSecond) entry.requests.add(second, n);
    for (const [second, n] of s.failuresPerSecond) entry.failed.add(second, n);
    entry.byKind = new Map(s.failuresByKind);
    entry.sumResponseTime = s.sumResponseTime;
    entry.sumContentLength = s.sumContentLength;
    entry.numFailures = s.failures;
    entry.startedAt = s.startedAt;
    entry.lastRequestAt = s.lastRequestAt;
    return entry;
  }
}
