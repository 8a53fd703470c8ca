// The first draft of the load tester's statistics for one request name (or the aggregate).
// Times in milliseconds, sizes in bytes, `clock` returns milliseconds (Date.now in every
// thread). Keep the API: the specs and the load tool use it.
//
//   log(responseTimeMs, contentLength)   every request that ended, failed or not (as Locust)
//   logFailure(kind)                     additionally, for a failed one
//   currentRps / currentFailPerSec       should be the last 10 complete seconds, as Locust
//   serialize / deserialize / merge      how worker threads report to the main thread
import { Histogram } from './histogram.ts';

export const CURRENT_WINDOW_SECONDS = 10;

/** The percentiles a worker reports. */
const REPORTED_PERCENTILES = [50, 66, 75, 80, 90, 95, 98, 99, 99.9, 99.99, 100];

export interface SerializedStats {
  name: string;
  method: string;
  startedAt: number;
  lastRequestAt: number;
  count: number;
  failures: number;
  sumResponseTime: number;
  sumContentLength: number;
  failuresByKind: [string, number][];
  /** A worker sends its percentiles, not its samples: much smaller. */
  percentiles: [number, number][];
  min: number;
  max: number;
}

export class StatsEntry {
  private readonly histogram = new Histogram(); // microseconds
  /** The percentiles of the workers merged in. */
  private readonly workers: Map<number, number>[] = [];
  private byKind = new Map<string, number>();
  private numRequests = 0;
  private numFailures = 0;
  private sumResponseTime = 0;
  private sumContentLength = 0;
  private minMs = Number.POSITIVE_INFINITY;
  private maxMs = 0;
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
    this.histogram.record(Math.round(responseTimeMs * 1000));
    this.numRequests++;
    this.sumResponseTime += responseTimeMs;
    this.sumContentLength += contentLength;
    this.minMs = Math.min(this.minMs, responseTimeMs);
    this.maxMs = Math.max(this.maxMs, responseTimeMs);
    this.lastRequestAt = this.clock();
  }

  logFailure(kind: string): void {
    this.numFailures++;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }

  get count(): number {
    return this.numRequests;
  }
  get failures(): number {
    return this.numFailures;
  }
  get failuresByKind(): ReadonlyMap<string, number> {
    return this.byKind;
  }
  get min(): number {
    return this.numRequests === 0 ? 0 : this.minMs;
  }
  get max(): number {
    return this.maxMs;
  }
  get avg(): number {
    return this.numRequests === 0 ? 0 : this.sumResponseTime / this.numRequests;
  }

  /** Ours, or the average of the workers' figures for an aggregate. */
  percentile(p: number): number {
    const figures = this.workers.map((worker) => worker.get(p) ?? Number.NaN);
    if (this.histogram.count > 0) figures.push(this.histogram.valueAtPercentile(p) / 1000);
    return figures.length === 0 ? 0 : figures.reduce((a, b) => a + b, 0) / figures.length;
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
    return this.numRequests === 0 ? 0 : this.sumContentLength / this.numRequests;
  }

  get totalRps(): number {
    const seconds = (this.lastRequestAt - this.startedAt) / 1000;
    return seconds > 0 ? this.numRequests / seconds : 0;
  }
  get totalFailPerSec(): number {
    const seconds = (this.lastRequestAt - this.startedAt) / 1000;
    return seconds > 0 ? this.numFailures / seconds : 0;
  }

  get currentRps(): number {
    const seconds = (this.clock() - this.startedAt) / 1000;
    return seconds > 0 ? this.numRequests / seconds : 0;
  }
  get currentFailPerSec(): number {
    const seconds = (this.clock() - this.startedAt) / 1000;
    return seconds > 0 ? this.numFailures / seconds : 0;
  }

  merge(other: StatsEntry): this {
    this.workers.push(new Map(REPORTED_PERCENTILES.map((p) => [p, other.percentile(p)])));
    for (const [kind, n] of other.byKind) this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + n);
    this.numRequests += other.numRequests;
    this.numFailures += other.numFailures;
    this.sumResponseTime += other.sumResponseTime;
    this.sumContentLength += other.sumContentLength;
    this.minMs = Math.min(this.minMs, other.minMs);
    this.maxMs = Math.max(this.maxMs, other.maxMs);
    this.startedAt = Math.min(this.startedAt, other.startedAt);
    this.lastRequestAt = Math.max(this.lastRequestAt, other.lastRequestAt);
    return this;
  }

  reset(): void {
    this.histogram.reset();
    this.workers.length = 0;
    this.byKind = new Map();
    this.numRequests = 0;
    this.numFailures = 0;
    this.sumResponseTime = 0;
    this.sumContentLength = 0;
    this.minMs = Number.POSITIVE_INFINITY;
    this.maxMs = 0;
    this.startedAt = this.clock();
    this.lastRequestAt = 0;
  }

  serialize(): SerializedStats {
    return {
      name: this.name,
      method: this.method,
      startedAt: this.startedAt,
      lastRequestAt: this.lastRequestAt,
      count: this.numRequests,
      failures: this.numFailures,
      sumResponseTime: this.sumResponseTime,
      sumContentLength: this.sumContentLength,
      failuresByKind: [...this.byKind],
      percentiles: REPORTED_PERCENTILES.map((p) => [p, this.percentile(p)]),
      min: this.min,
      max: this.maxMs,
    };
  }

  static deserialize(s: SerializedStats, clock: () => number): StatsEntry {
    const entry = new StatsEntry(s.name, s.method, clock);
    entry.workers.push(new Map(s.percentiles));
    entry.byKind = new Map(s.failuresByKind);
    entry.numRequests = s.count;
    entry.numFailures = s.failures;
    entry.sumResponseTime = s.sumResponseTime;
    entry.sumContentLength = s.sumContentLength;
    entry.minMs = s.count === 0 ? Number.POSITIVE_INFINITY : s.min;
    entry.maxMs = s.max;
    entry.startedAt = s.startedAt;
    entry.lastRequestAt = s.lastRequestAt;
    return entry;
  }
}
