// The net and undici transports keep their own connections: more requests than connections
// queue, and a freed connection serves the next request. Checked against a real loopback server.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../lib/load/transport.ts';
import { type LoopbackServer, listenOnLoopback } from '../support/http-server.ts';

const HOLD_MS = 20;
let server: LoopbackServer | undefined;
afterEach(() => server?.close());

/** Answers after HOLD_MS, in three chunks, and counts requests and sockets in flight. */
async function slowServer() {
  const seen = { inFlight: 0, maxInFlight: 0, sockets: new Set<unknown>() };
  server = await listenOnLoopback((request: IncomingMessage, response: ServerResponse) => {
    seen.inFlight++;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    seen.sockets.add(request.socket);
    setTimeout(() => {
      seen.inFlight--;
      response.write('re');
      response.write('ply ');
      response.end(request.url);
    }, HOLD_MS);
  });
  return { url: server.url, seen };
}

describe.each(['net', 'undici'] as const)('the %s transport', (client) => {
  it('queues 12 requests on 3 connections and answers every one', async () => {
    const { url, seen } = await slowServer();
    const transport = createTransport(client, { host: url, connections: 3, timeoutMs: 5_000 });
    try {
      const responses = await Promise.all(
        Array.from({ length: 12 }, (_, i) => transport.send({ method: 'GET', path: `/${i}` })),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
      expect(responses.map((response) => response.text())).toEqual(
        Array.from({ length: 12 }, (_, i) => `reply /${i}`),
      );
      expect(responses[0]?.bytes).toBe('reply /0'.length);
      expect(seen.maxInFlight, 'requests in flight at once').toBe(3);
      expect(seen.sockets.size, 'connections opened').toBe(3);
    } finally {
      await transport.destroy();
    }
  });

  it('rejects the queued requests when destroyed, and sends nothing after', async () => {
    const { url } = await slowServer();
    const transport = createTransport(client, { host: url, connections: 1, timeoutMs: 5_000 });
    const first = transport.send({ method: 'GET', path: '/a' });
    const queued = transport.send({ method: 'GET', path: '/b' });
    const settled = Promise.allSettled([first, queued]);
    await transport.destroy();
    const [, queuedOutcome] = await settled;
    expect(queuedOutcome?.status).toBe('rejected');
    await expect(transport.send({ method: 'GET', path: '/c' })).rejects.toThrow(/destroyed/i);
  });
});

describe('the net transport on a connection the server drops', () => {
  /** Answers the first request on each connection; drops the connection at the second. */
  async function oneRequestPerConnection() {
    const seen = { requests: 0, connections: new Set<unknown>() };
    const served = new WeakMap<object, number>();
    server = await listenOnLoopback((request: IncomingMessage, response: ServerResponse) => {
      seen.requests++;
      seen.connections.add(request.socket);
      const n = (served.get(request.socket) ?? 0) + 1;
      served.set(request.socket, n);
      if (n > 1) request.socket.destroy();
      else response.end('ok');
    });
    return { url: server.url, seen };
  }

  it('sends a GET again on a fresh connection when a reused one closes before any byte', async () => {
    const { url, seen } = await oneRequestPerConnection();
    const transport = createTransport('net', { host: url, connections: 1, timeoutMs: 5_000 });
    try {
      expect((await transport.send({ method: 'GET', path: '/a' })).status).toBe(200);
      expect((await transport.send({ method: 'GET', path: '/b' })).status).toBe(200);
      expect(seen.requests, 'the dropped GET was sent again').toBe(3);
      expect(seen.connections.size).toBe(2);
      // A POST may have changed something: it is reported, not repeated.
      await expect(
        transport.send({ method: 'POST', path: '/c', body: '{}' }),
      ).rejects.toMatchObject({ code: 'ECONNRESET' });
    } finally {
      await transport.destroy();
    }
  });
});
