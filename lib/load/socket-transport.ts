// The default wire (`--client net`): HTTP/1.1 on plain node:net sockets, keep-alive, one
// request per connection at a time (no pipelining), written from prebuilt bytes
// (request-bytes.ts) and read with a minimal parser (response-parser.ts). What it saves over
// undici is per-request work: no request object, no header strings, no stream per response,
// no timer per request. Every socket reads into one buffer (node:net's `onread`), so a reply
// costs no allocation for its chunk; the parser copies out the body bytes it keeps.
//
// Timeouts are swept, not timed one by one: a request times out between `timeoutMs` and
// 1.1 × `timeoutMs` after it went out on a connection (time spent queued for one is not counted).
import { connect, type Socket } from 'node:net';
import { RequestBytes } from './request-bytes.ts';
import { ResponseParser } from './response-parser.ts';
import type { OutgoingRequest, RawResponse, Transport, TransportOptions } from './transport.ts';

/** Classified as a timeout by failure-kind.ts. */
export class ResponseTimeoutError extends Error {
  override name = 'ResponseTimeoutError';
  readonly code = 'ETIMEDOUT';
}

/** The server closed the connection before the response ended: a reset, for the failure kinds. */
export class ConnectionClosedError extends Error {
  override name = 'ConnectionClosedError';
  readonly code = 'ECONNRESET';
}

export class TransportDestroyedError extends Error {
  override name = 'TransportDestroyedError';
  constructor() {
    super('the transport is destroyed: the run stopped');
  }
}

const READ_BUFFER_BYTES = 64 * 1024;
/** Sweeps per timeout: the timeout's precision. */
const SWEEPS_PER_TIMEOUT = 10;

interface Pending {
  method: string;
  bytes: Buffer;
  resolve(response: RawResponse): void;
  reject(error: Error): void;
  /** The sweep count when it went out on a connection. */
  sentAtSweep: number;
  /** Sent again once already, after a reused connection closed before answering. */
  retried: boolean;
}

class Connection {
  current: Pending | undefined;
  /** Has answered a request: a close before any byte may be the server's idle timeout. */
  reused = false;
  /** Taken out of the pool (closed, or being closed). */
  gone = false;
  error: Error | undefined;
  readonly parser = new ResponseParser();

  constructor(readonly socket: Socket) {}
}

/** GET and HEAD change nothing: safe to send again when a stale connection drops them. */
const RETRYABLE = new Set(['GET', 'HEAD']);

export function socketTransport({ host, connections, timeoutMs }: TransportOptions): Transport {
  const url = new URL(host);
  if (url.protocol !== 'http:') {
    throw new Error(`--client net speaks plain http only; for ${url.protocol} use --client undici`);
  }
  return new SocketPool(
    url.hostname.replace(/^\[(.*)\]$/, '$1'),
    Number(url.port || 80),
    url.host,
    Math.max(1, connections),
    timeoutMs,
  );
}

class SocketPool implements Transport {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly waiting: Pending[] = [];
  private readonly bytes: RequestBytes;
  private readonly readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  private readonly sweepEveryMs: number;
  /** A request still unanswered after more sweeps than this has timed out. */
  private readonly timeoutSweeps: number;
  private sweeps = 0;
  private sweeper: NodeJS.Timeout | undefined;
  private destroyed = false;

  constructor(
    private readonly hostname: string,
    private readonly port: number,
    hostHeader: string,
    private readonly size: number,
    private readonly timeoutMs: number,
  ) {
    this.bytes = new RequestBytes(hostHeader);
    this.sweepEveryMs = Math.min(1000, Math.max(5, timeoutMs / SWEEPS_PER_TIMEOUT));
    this.timeoutSweeps = Math.ceil(timeoutMs / this.sweepEveryMs);
  }

  send(request: OutgoingRequest): Promise<RawResponse> {
    if (this.destroyed) return Promise.reject(new TransportDestroyedError());
    let bytes: Buffer;
    try {
      bytes = this.bytes.of(request);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const method = request.method;
      this.assign({ method, bytes, resolve, reject, sentAtSweep: 0, retried: false });
    });
  }

  private assign(pending: Pending): void {
    const connection = this.idle.pop() ?? this.open();
    if (connection) this.start(connection, pending);
    else this.waiting.push(pending);
  }

  private start(connection: Connection, pending: Pending): void {
    connection.current = pending;
    pending.sentAtSweep = this.sweeps;
    connection.parser.start(pending.method);
    connection.socket.write(pending.bytes);
  }

  private open(): Connection | undefined {
    if (this.all.size >= this.size) return undefined;
    const socket = connect({
      host: this.hostname,
      port: this.port,
      noDelay: true,
      onread: {
        buffer: this.readBuffer,
        callback: (length) => {
          this.onData(connection, length);
          return true;
        },
      },
    });
    const connection = new Connection(socket);
    socket.on('error', (error) => {
      connection.error = error;
    });
    socket.on('close', () => this.onClose(connection));
    this.all.add(connection);
    this.sweeper ??= setInterval(() => this.sweep(), this.sweepEveryMs).unref();
    return connection;
  }

  private onData(connection: Connection, length: number): void {
    const pending = connection.current;
    if (pending === undefined) {
      // Bytes nobody asked for: the connection can no longer be trusted.
      this.discard(connection);
      return;
    }
    let end: number;
    try {
      end = connection.parser.feed(this.readBuffer, 0, length);
    } catch (error) {
      connection.current = undefined;
      this.discard(connection);
      pending.reject(error as Error);
      return;
    }
    if (end < 0) return;
    connection.current = undefined;
    connection.reused = true;
    // Taken before the connection (and its parser) moves on to the next request.
    const response = connection.parser.response;
    // Bytes after the response (no pipelining here) or a server that will close: not reused.
    if (end < length || !connection.parser.keepAlive) this.discard(connection);
    else this.release(connection);
    pending.resolve(response);
  }

  /** A free connection serves the next queued request at once, or waits in the pool. */
  private release(connection: Connection): void {
    const next = this.waiting.shift();
    if (next === undefined) this.idle.push(connection);
    else this.start(connection, next);
  }

  /** Takes a connection out of the pool and closes it; its slot serves the queue. */
  private discard(connection: Connection): void {
    if (connection.gone) return;
    connection.gone = true;
    this.all.delete(connection);
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
    connection.socket.destroy();
    const next = this.destroyed ? undefined : this.waiting.shift();
    if (next) this.assign(next);
  }

  private onClose(connection: Connection): void {
    const pending = connection.current;
    connection.current = undefined;
    this.discard(connection);
    if (pending === undefined) return;
    const { parser } = connection;
    if (parser.finish()) {
      pending.resolve(parser.response);
    } else if (
      !this.destroyed &&
      connection.reused &&
      !parser.receivedAny &&
      !pending.retried &&
      RETRYABLE.has(pending.method)
    ) {
      pending.retried = true;
      this.assign(pending);
    } else {
      pending.reject(
        connection.error ??
          new ConnectionClosedError('the connection closed before the response ended'),
      );
    }
  }

  /** Fails the requests that went out more than `timeoutSweeps` sweeps ago. */
  private sweep(): void {
    this.sweeps++;
    for (const connection of this.all) {
      const pending = connection.current;
      if (pending === undefined || this.sweeps - pending.sentAtSweep <= this.timeoutSweeps)
        continue;
      connection.current = undefined;
      this.discard(connection);
      pending.reject(new ResponseTimeoutError(`no response within ${this.timeoutMs} ms`));
    }
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    clearInterval(this.sweeper);
    for (const pending of this.waiting.splice(0)) pending.reject(new TransportDestroyedError());
    const closing: Promise<void>[] = [];
    for (const connection of [...this.all]) {
      const pending = connection.current;
      connection.current = undefined;
      pending?.reject(new TransportDestroyedError());
      const { socket } = connection;
      if (!socket.closed) closing.push(new Promise((resolve) => socket.once('close', resolve)));
      this.discard(connection);
    }
    await Promise.all(closing);
  }
}
