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
