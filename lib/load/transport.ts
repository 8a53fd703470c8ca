// The wire: undici by default (a pool of keep-alive connections driven through `dispatch`,
// no stream per response), or the global fetch (what msw intercepts, and a slower client).
import { type Dispatcher, Pool } from 'undici';

export interface OutgoingRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  /** Body bytes received. */
  bytes: number;
  chunks: Uint8Array[];
}

export interface Transport {
  send(request: OutgoingRequest): Promise<RawResponse>;
  /** Ends every request in flight with an error (a stopped run does not wait for them). */
  destroy(): Promise<void>;
}

export type ClientKind = 'undici' | 'fetch';

export interface TransportOptions {
  host: string;
  connections: number;
  timeoutMs: number;
}

/** Collects one response; a class, so the hot path allocates one object, not six closures. */
class ResponseCollector implements Dispatcher.DispatchHandler {
  private status = 0;
  private bytes = 0;
  private readonly chunks: Uint8Array[] = [];

  constructor(
    private readonly resolve: (response: RawResponse) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  onRequestStart(): void {}

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.resolve({ status: this.status, bytes: this.bytes, chunks: this.chunks });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.reject(error);
  }
}

export function undiciTransport({ host, connections, timeoutMs }: TransportOptions): Transport {
  const pool = new Pool(host, {
    connections: Math.max(1, connections),
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: timeoutMs },
  });
  return {
    send: (request) =>
      new Promise((resolve, reject) => {
        pool.dispatch(
          {
            method: request.method,
            path: request.path,
            headers: request.headers,
            body: request.body ?? null,
          },
          new ResponseCollector(resolve, reject),
        );
      }),
    destroy: () => pool.destroy(),
  };
}

/** A timeout we raise ourselves, classified like undici's. */
export class RequestTimeoutError extends Error {
  override name = 'RequestTimeoutError';
  readonly code = 'ETIMEDOUT';
}

export function fetchTransport({ host, timeoutMs }: TransportOptions): Transport {
  const inFlight = new Set<AbortController>();
  return {
    async send(request) {
      const controller = new AbortController();
      inFlight.add(controller);
      const timer = setTimeout(
        () => controller.abort(new RequestTimeoutError(`no response within ${timeoutMs} ms`)),
        timeoutMs,
      );
      try {
        const response = await fetch(new URL(request.path, host), {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: controller.signal,
        });
        const body = new Uint8Array(await response.arrayBuffer());
        return { status: response.status, bytes: body.length, chunks: [body] };
      } catch (error) {
        throw controller.signal.aborted ? controller.signal.reason : error;
      } finally {
        clearTimeout(timer);
        inFlight.delete(controller);
      }
    },
    async destroy() {
      for (const controller of inFlight) controller.abort(new Error('the run stopped'));
    },
  };
}

export function createTransport(kind: ClientKind, options: TransportOptions): Transport {
  return kind === 'fetch' ? fetchTransport(options) : undiciTransport(options);
}
