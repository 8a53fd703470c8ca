// One request name's statistics in Locust's own format (locust/stats.py, StatsEntry, 2.12.1),
// built from the raw response times: what a worker ships to the master in its `stats` message
// (StatsEntry.serialize, the keys of StatsEntryDict) and then resets (get_stripped_report).
// The master adds these up (StatsEntry.extend) next to Python workers' and reads its
// percentiles from `response_times`, so that dict is keyed as Locust rounds (response-time-key).
import { responseTimeKey } from './response-time-key.ts';

/** StatsEntryDict: the wire shape. Times in ms, timestamps in epoch seconds. */
export interface StatsEntryDict {
  name: string;
  method: string;
  last_request_timestamp: number | null;
  start_time: number;
  num_requests: number;
  num_none_requests: number;
  num_failures: number;
  total_response_time: number;
  max_response_time: number;
  min_response_time: number | null;
  total_content_length: number;
  /** Rounded ms → count (a Map: int keys on the wire). */
  response_times: Map<number, number>;
  /** Epoch second → requests that ended in it. */
  num_reqs_per_sec: Map<number, number>;
  num_fail_per_sec: Map<number, number>;
}

function bump(counts: Map<number, number>, key: number): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export class LocustStatsEntry {
  private startTime = 0;
  private lastRequest: number | null = null;
  private requests = 0;
  private failures = 0;
  private totalTime = 0;
  private maxTime = 0;
  private minTime: number | null = null;
  private contentLength = 0;
  private responseTimes = new Map<number, number>();
  private perSecond = new Map<number, number>();
  private failuresPerSecond = new Map<number, number>();

  constructor(
    readonly name: string,
    readonly method: string,
    /** Epoch milliseconds. */
    private readonly wall: () => number = Date.now,
  ) {
    this.reset();
  }

  get numRequests(): number {
    return this.requests;
  }

  get numFailures(): number {
    return this.failures;
  }

  /** A request that ended (Locust logs failed ones here too, then logError). */
  log(responseTimeMs: number, contentLength: number): void {
    const now = this.wall() / 1000;
    this.requests++;
    bump(this.perSecond, Math.floor(now));
    this.lastRequest = now;
    this.totalTime += responseTimeMs;
    this.minTime = this.minTime === null ? responseTimeMs : Math.min(this.minTime, responseTimeMs);
    this.maxTime = Math.max(this.maxTime, responseTimeMs);
    bump(this.responseTimes, responseTimeKey(responseTimeMs));
    this.contentLength += contentLength;
  }

  logError(): void {
    this.failures++;
    bump(this.failuresPerSecond, Math.floor(this.wall() / 1000));
  }

  serialize(): StatsEntryDict {
    return {
      name: this.name,
      method: this.method,
      last_request_timestamp: this.lastRequest,
      start_time: this.startTime,
      num_requests: this.requests,
      num_none_requests: 0,
      num_failures: this.failures,
      total_response_time: this.totalTime,
      max_response_time: this.maxTime,
      min_response_time: this.minTime,
      total_content_length: this.contentLength,
      response_times: this.responseTimes,
      num_reqs_per_sec: this.perSecond,
      num_fail_per_sec: this.failuresPerSecond,
    };
  }

  /** The report since the last one, then a fresh interval (get_stripped_report). */
  strip(): StatsEntryDict {
    const report = this.serialize();
    this.reset();
    return report;
  }

  reset(): void {
    this.startTime = this.wall() / 1000;
    this.lastRequest = null;
    this.requests = 0;
    this.failures = 0;
    this.totalTime = 0;
    this.maxTime = 0;
    this.minTime = null;
    this.contentLength = 0;
    // New maps: the ones just serialized may still be on their way out.
    this.responseTimes = new Map();
    this.perSecond = new Map();
    this.failuresPerSecond = new Map();
  }
}
