// The wire: plain node:net sockets by default (socket-transport.ts: prebuilt request bytes, a
// minimal response parser), undici (a pool of keep-alive connections driven through `dispatch`;
// https too), or the global fetch (what msw intercepts, and a slower client).
import { Client, type Dispatcher, errors } from 'undici';
import { socketTransport } from './socket-transport.ts';

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
  /** The body, decoded as UTF-8 (only when a task asks for it). */
  text(): string;
}

export interface Transport {
  send(request: OutgoingRequest): Promise<RawResponse>;
  /** Ends every request in flight with an error (a stopped run does not wait for them). */
  destroy(): Promise<void>;
}

export type ClientKind = 'net' | 'undici' | 'fetch';

export interface TransportOptions {
  host: string;
  connections: number;
  timeoutMs: number;
}

/** Collects one response, and is itself the RawResponse it resolves with. */
class ResponseCollector implements Dispatcher.DispatchHandler, RawResponse {
  status = 0;
  bytes = 0;
  /** Most bodies arrive in one chunk: no array until a second one comes. */
  private first: Buffer | undefined;
  private rest: Buffer[] | undefined;

  constructor(
    private readonly resolve: (response: RawResponse) => void,
    private readonly reject: (error: Error) => void,
    private readonly connections: Connections,
    private readonly client: Client,
  ) {}

  text(): string {
    if (this.first === undefined) return '';
    const body = this.rest === undefined ? this.first : Buffer.concat([this.first, ...this.rest]);
    return body.toString('utf8');
  }

  onRequestStart(): void {}

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.first === undefined) this.first = chunk;
    else if (this.rest === undefined) this.rest = [chunk];
    else this.rest.push(chunk);
  }

  onResponseEnd(): void {
    this.connections.release(this.client);
    this.resolve(this);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.connections.release(this.client);
    this.reject(error);
  }
}

interface Waiting {
  request: OutgoingRequest;
  resolve: (response: RawResponse) => void;
  reject: (error: Error) => void;
}

/**
 * Up to `size` keep-alive connections (undici Clients), one request on each at a time: what
 * undici's Pool does, minus its scan of every connection per request and the turn of the event
 * loop a freed connection waits before the Pool hands it the next request. With as many users
 * as connections at full speed, nearly every request used to wait in the Pool's queue for that
 * turn; here a freed connection goes to the next request at once.
 */
class Connections {
  private readonly idle: Client[] = [];
  private readonly all: Client[] = [];
  private readonly waiting: Waiting[] = [];
  private destroyed = false;

  constructor(
    private readonly host: string,
    private readonly size: number,
    private readonly options: Client.Options,
  ) {}

  send(request: OutgoingRequest): Promise<RawResponse> {
    if (this.destroyed) return Promise.reject(new errors.ClientDestroyedError());
    return new Promise((resolve, reject) => {
      const client = this.idle.pop() ?? this.open();
      if (client) this.dispatch(client, request, resolve, reject);
      else this.waiting.push({ request, resolve, reject });
    });
  }

  private open(): Client | undefined {
    if (this.all.length >= this.size) return undefined;
    const client = new Client(this.host, this.options);
    this.all.push(client);
    return client;
  }

  private dispatch(
    client: Client,
    request: OutgoingRequest,
    resolve: (response: RawResponse) => void,
    reject: (error: Error) => void,
  ): void {
    client.dispatch(request, new ResponseCollector(resolve, reject, this, client));
  }

  /** Called from inside undici's response handling: a waiting request goes out a tick later. */
  release(client: Client): void {
    const next = this.waiting.shift();
    if (next === undefined) this.idle.push(client);
    else queueMicrotask(() => this.dispatch(client, next.request, next.resolve, next.reject));
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    for (const { reject } of this.waiting.splice(0)) reject(new errors.ClientDestroyedError());
    await Promise.all(this.all.map((client) => client.destroy()));
  }
}

export function undiciTransport({ host, connections, timeoutMs }: TransportOptions): Transport {
  const pool = new Connections(host, Math.max(1, connections), {
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { timeout: timeoutMs },
  });
  return {
    send: (request) => pool.send(request),
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
        const body = Buffer.from(await response.arrayBuffer());
        return { status: response.status, bytes: body.length, text: () => body.toString('utf8') };
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
  if (kind === 'fetch') return fetchTransport(options);
  return kind === 'undici' ? undiciTransport(options) : socketTransport(options);
}
