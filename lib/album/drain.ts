// Shutting down without dropping requests. Node's `server.close()` destroys every idle
// keep-alive connection at once, and an idle connection may already hold a request in the
// kernel's buffer that the event loop has not read yet (a busy loop: PGlite runs queries on
// it). Closing the listener resets the connections still in its backlog, requests and all.
// Both were resets of requests sent before the signal. Here a shutdown instead:
//   1. lets every request in flight finish, its response marked `Connection: close`;
//   2. answers every request that arrives from now on with 503, Retry-After and
//      `Connection: close`, on old and new connections alike;
//   3. stops listening only once no request is in flight and none has arrived for `quietMs`,
//      so the backlog has been accepted and answered;
//   4. ends (FIN, not reset) a connection only once it has been idle for `idleMs` (the
//      keep-alive timeout), checked right after the event loop has read its sockets, so a
//      request already sent is seen;
//   5. after `deadlineMs`, destroys whatever is left.
// Only then is the store closed: no request runs against a closed database.
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

export interface DrainOptions {
  /**
   * How long a connection must be idle before the drain ends it: the keep-alive timeout, as
   * it would be ended anyway. Ending an idle keep-alive connection always races with a client
   * that is just sending its next request (that request is reset); a client that is still
   * sending requests gets a 503 and closes instead, which is what ends a drain under load.
   */
  idleMs?: number;
  /** The listener closes once no request has arrived for this long and none is in flight. */
  quietMs?: number;
  deadlineMs?: number;
  retryAfterSeconds?: number;
}

export interface Drainer {
  /** The app behind the drain: pass it to `createServer`. */
  readonly handler: RequestListener;
  readonly draining: boolean;
  /** Starts draining (idempotent); resolves once every connection is closed. */
  drain(): Promise<void>;
}

interface Connection {
  open: Set<ServerResponse>;
  idleSince: number;
}

export function drainOnShutdown(server: Server, app: RequestListener, options: DrainOptions = {}) {
  const { idleMs = 5_000, quietMs = 1_000, deadlineMs = 10_000, retryAfterSeconds = 1 } = options;
  const connections = new Map<Socket, Connection>();
  let draining = false;
  let drained: Promise<void> | undefined;
  /** When the last request arrived: the listener closes after `quietMs` of quiet. */
  let lastRequest = 0;

  server.on('connection', (socket: Socket) => {
    connections.set(socket, { open: new Set(), idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });

  const handler: RequestListener = (req: IncomingMessage, res: ServerResponse) => {
    lastRequest = Date.now();
    const connection = connections.get(req.socket as Socket);
    if (connection) {
      connection.open.add(res);
      res.once('close', () => {
        connection.open.delete(res);
        if (connection.open.size === 0) connection.idleSince = Date.now();
      });
    }
    if (draining) {
      refuse(res, retryAfterSeconds);
      return;
    }
    app(req, res);
  };

  const drain = (): Promise<void> => {
    if (drained) return drained;
    draining = true;
    for (const { open } of connections.values()) {
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
    }
    const started = Date.now();
    lastRequest = started;
    let listening = true;
    let resolveDrained = () => {};
    drained = new Promise<void>((resolve) => {
      resolveDrained = resolve;
    });
    const sweep = setInterval(
      () => {
        // setImmediate runs after the poll phase: sockets with data waiting have been read.
        setImmediate(() => {
          const now = Date.now();
          const late = now - started >= deadlineMs;
          const quiet = now - lastRequest >= quietMs;
          const busy = [...connections.values()].some(({ open }) => open.size > 0);
          if (listening && ((quiet && !busy) || late)) {
            listening = false;
            // net.Server's close: stop listening, call back once the last connection closed.
            // (http.Server's close would first destroy the idle connections.)
            NetServer.prototype.close.call(server, () => {
              clearInterval(sweep);
              resolveDrained();
            });
          }
          for (const [socket, { open, idleSince }] of connections) {
            if (late) socket.destroy();
            else if (open.size === 0 && now - idleSince >= idleMs) socket.end();
          }
        });
      },
      Math.max(10, Math.min(idleMs, quietMs) / 4),
    );
    return drained;
  };

  return {
    handler,
    get draining() {
      return draining;
    },
    drain,
  } satisfies Drainer;
}

function refuse(res: ServerResponse, retryAfterSeconds: number): void {
  const body = JSON.stringify({ error: 'the album service is shutting down; try again shortly' });
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Retry-After': String(retryAfterSeconds),
    Connection: 'close',
  });
  res.end(body);
}
