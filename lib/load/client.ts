// What a task uses to make requests, like Locust's `self.client`: it never throws for a
// failed request; it records every request under its name and returns what happened.
import type { Clock } from './clock.ts';
import { errorFailureKind, httpFailureKind } from './failure-kind.ts';
import type { RawResponse, Transport } from './transport.ts';

export interface RequestOptions {
  /** The row in the statistics (Locust's `name=`), e.g. `/albums/:id`; the path by default. */
  name?: string;
  headers?: Record<string, string>;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  body?: string;
}

export class LoadResponse {
  constructor(
    /** 0 when no response came (refused, reset, timeout). */
    readonly status: number,
    /** The failure kind, as counted in `_failures.csv`; undefined for a success. */
    readonly failure: string | undefined,
    /** Response time as recorded: from the intended send time in the open model. */
    readonly timeMs: number,
    readonly bytes: number,
    /** Read only when the task asks for text() or json(). */
    private readonly raw: RawResponse | undefined,
  ) {}

  get ok(): boolean {
    return this.failure === undefined;
  }

  text(): string {
    return this.raw === undefined ? '' : this.raw.text();
  }

  json<T = unknown>(): T {
    return JSON.parse(this.text()) as T;
  }
}

/** Where a client records each request: the Recorder, or Locust's statistics in worker mode. */
export interface RequestRecorder {
  /** `sentMs`: the same request timed from its actual send time (the open model's second set). */
  record(
    method: string,
    name: string,
    ms: number,
    bytes: number,
    failure?: string,
    sentMs?: number,
  ): void;
}

/** Shared by every request made without options: the hot path allocates nothing for them. */
const NO_OPTIONS: RequestOptions = Object.freeze({});

export class LoadClient {
  /**
   * Set by the open model: the next request's latency counts from here, not from when it
   * was actually sent (wrk2's correction for coordinated omission).
   */
  intendedStart: number | undefined;
  /** Requests started by this client, so a task that made none can be noticed. */
  requests = 0;

  constructor(
    private readonly transport: Transport,
    private readonly recorder: RequestRecorder,
    private readonly clock: Clock,
    /** After the run stops, requests still ending are not recorded (as in Locust). */
    private readonly stopped: () => boolean,
  ) {}

  get(path: string, options?: RequestOptions): Promise<LoadResponse> {
    return this.request('GET', path, options);
  }
  post(path: string, options?: RequestOptions): Promise<LoadResponse> {
    return this.request('POST', path, options);
  }
  put(path: string, options?: RequestOptions): Promise<LoadResponse> {
    return this.request('PUT', path, options);
  }
  delete(path: string, options?: RequestOptions): Promise<LoadResponse> {
    return this.request('DELETE', path, options);
  }

  async request(
    method: string,
    path: string,
    options: RequestOptions = NO_OPTIONS,
  ): Promise<LoadResponse> {
    const isJson = options.json !== undefined;
    const headers = isJson
      ? { 'content-type': 'application/json', ...options.headers }
      : options.headers;
    const body = isJson ? JSON.stringify(options.json) : options.body;
    const sentAt = this.clock.now();
    const from = this.intendedStart === undefined ? sentAt : Math.min(sentAt, this.intendedStart);
    this.intendedStart = undefined;
    this.requests++;
    let response: LoadResponse;
    try {
      const raw = await this.transport.send({ method, path, headers, body });
      const timeMs = this.clock.now() - from;
      response = new LoadResponse(raw.status, httpFailureKind(raw.status), timeMs, raw.bytes, raw);
    } catch (error) {
      const timeMs = this.clock.now() - from;
      response = new LoadResponse(0, errorFailureKind(error), timeMs, 0, undefined);
    }
    if (!this.stopped()) {
      const name = options.name ?? path;
      // The open model's second set: the same request timed from when it was actually sent.
      const sentMs = response.timeMs - (sentAt - from);
      this.recorder.record(method, name, response.timeMs, response.bytes, response.failure, sentMs);
    }
    return response;
  }
}
