// What a connection may cost the service: connections that never send a byte are closed
// after the headers timeout, connections beyond the maximum are refused, and errors of
// Node's HTTP parser (431, 400) have a JSON body like every other error.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServe } from './serve-process.ts';

const HEADERS_TIMEOUT_MS = 500;
const MAX_CONNECTIONS = 20;

interface Raw {
  socket: Socket;
  /** Everything the server sent, once it closed the connection. */
  closed: Promise<string>;
}

function open(url: string): Promise<Raw> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => {
      received += chunk;
    });
    const closed = new Promise<string>((done) => socket.once('close', () => done(received)));
    socket.once('error', () => {});
    socket.once('connect', () => resolve({ socket, closed }));
    socket.once('close', () => reject(new Error('closed before connecting')));
  });
}

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(what)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const serveArgs = [
  '--port',
  '0',
  '--headers-timeout-ms',
  String(HEADERS_TIMEOUT_MS),
  '--max-connections',
  String(MAX_CONNECTIONS),
];

describe('idle and surplus connections are bounded', () => {
  it(`${MAX_CONNECTIONS} silent connections are closed after the headers timeout; one more is refused at once`, async () => {
    const serve = await startServe(serveArgs);
    const silent = await Promise.all(
      Array.from({ length: MAX_CONNECTIONS }, () => open(serve.url)),
    );
    const surplus = await open(serve.url).catch(() => undefined);
    if (surplus) {
      await within(
        2_000,
        surplus.closed,
        `connection ${MAX_CONNECTIONS + 1} stayed open: --max-connections is not enforced`,
      );
    }
    await within(
      HEADERS_TIMEOUT_MS * 10,
      Promise.all(silent.map((raw) => raw.closed)),
      `connections that never sent a byte were still open ${HEADERS_TIMEOUT_MS * 10} ms later: ` +
        'idle connections hold descriptors until the process runs out',
    );
    const response = await fetch(`${serve.url}/albums/1`);
    expect(response.status, 'the service answers once the idle connections are gone').toBe(200);
  }, 30_000);

  it('headers too large → 431 and a malformed request → 400, each with a JSON body', async () => {
    const serve = await startServe(serveArgs);
    const cases: [string, number][] = [
      [`GET /albums HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
      ['GET /albums HTTP/1.1\r\nHost x\r\n\r\n', 400],
      ['NOT A REQUEST\r\n\r\n', 400],
    ];
    for (const [request, status] of cases) {
      const raw = await open(serve.url);
      raw.socket.write(request);
      const answer = await within(
        5_000,
        raw.closed,
        `no answer to ${JSON.stringify(request.slice(0, 30))}`,
      );
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head, `the answer to ${JSON.stringify(request.slice(0, 30))}`).toMatch(
        new RegExp(`^HTTP/1.1 ${status} `),
      );
      expect(head).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(body).error, 'a JSON { "error": "…" } body').toMatch(/\w/);
    }
  }, 30_000);
});
