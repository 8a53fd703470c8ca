// The socket transport's HTTP/1.1 response parser and request bytes, without a socket: every
// response is also fed split at every byte, since TCP may cut it anywhere.
import { describe, expect, it } from 'vitest';
import { RequestBytes } from '../../lib/load/request-bytes.ts';
import { HttpParseError, ResponseParser } from '../../lib/load/response-parser.ts';

interface Parsed {
  status: number;
  body: string;
  bytes: number;
  keepAlive: boolean;
  /** Where the response ended in the input; -1: it needs more (or the close). */
  end: number;
}

/** Feeds `pieces` through one parser, as reads into one reused buffer would. */
function parse(pieces: string[], method = 'GET', closeAfter = false): Parsed {
  const parser = new ResponseParser();
  parser.start(method);
  const scratch = Buffer.alloc(4096, 0x78); // stale bytes after each read, as in a reused buffer
  let offset = 0;
  let end = -1;
  for (const piece of pieces) {
    const length = scratch.write(piece, 0, 'latin1');
    end = parser.feed(scratch, 0, length);
    scratch.fill(0x78);
    if (end >= 0) {
      end += offset;
      break;
    }
    offset += length;
  }
  if (end < 0 && closeAfter && parser.finish()) end = offset;
  const { response } = parser;
  return {
    status: response.status,
    body: response.text(),
    bytes: response.bytes,
    keepAlive: parser.keepAlive,
    end,
  };
}

/** Every way to cut `text` in two, and byte by byte. */
function splits(text: string): string[][] {
  const ways = [[text], text.split('')];
  for (let at = 1; at < text.length; at++) ways.push([text.slice(0, at), text.slice(at)]);
  return ways;
}

const head = (status: string, ...headers: string[]) =>
  `HTTP/1.1 ${status}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`;

describe('the response parser', () => {
  const cases: { name: string; wire: string; method?: string; expected: Partial<Parsed> }[] = [
    {
      name: 'content-length (node:http’s keep-alive reply)',
      wire: `${head('200 OK', 'Date: x', 'Connection: keep-alive', 'Keep-Alive: timeout=5', 'Content-Length: 11')}hello world`,
      expected: { status: 200, body: 'hello world', bytes: 11, keepAlive: true },
    },
    {
      name: 'chunked, with an extension and trailers',
      wire: `${head('201 Created', 'transfer-encoding: chunked')}5;ext=1\r\nhello\r\nC\r\n, wide world\r\n0\r\nx-trailer: 1\r\n\r\n`,
      expected: { status: 201, body: 'hello, wide world', bytes: 17, keepAlive: true },
    },
    {
      name: '100 Continue before the response',
      wire: `${head('100 Continue')}${head('404 Not Found', 'CONTENT-LENGTH: 2')}no`,
      expected: { status: 404, body: 'no', keepAlive: true },
    },
    {
      name: 'connection: close',
      wire: `${head('200 OK', 'Connection: Close', 'Content-Length: 2')}ok`,
      expected: { status: 200, body: 'ok', keepAlive: false },
    },
    {
      name: 'HTTP/1.0 without keep-alive',
      wire: `HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok`,
      expected: { status: 200, keepAlive: false },
    },
    {
      name: '204: no body whatever the headers say',
      wire: head('204 No Content', 'Content-Length: 0'),
      expected: { status: 204, body: '', bytes: 0, keepAlive: true },
    },
    {
      name: 'HEAD: no body although content-length says 11',
      wire: head('200 OK', 'Content-Length: 11'),
      method: 'HEAD',
      expected: { status: 200, bytes: 0 },
    },
  ];

  for (const { name, wire, method, expected } of cases) {
    it(`${name}, split anywhere`, () => {
      for (const pieces of splits(wire)) {
        const parsed = parse(pieces, method);
        expect(parsed, JSON.stringify(pieces)).toMatchObject({ ...expected, end: wire.length });
      }
    });
  }

  it('a body without a length runs until the close, and the connection is not reused', () => {
    const wire = `${head('200 OK', 'Connection: keep-alive')}until the end`;
    for (const pieces of splits(wire)) {
      expect(parse(pieces, 'GET', false).end, 'before the close').toBe(-1);
      expect(parse(pieces, 'GET', true)).toMatchObject({
        body: 'until the end',
        keepAlive: false,
        end: wire.length,
      });
    }
  });

  it('says where the response ended when more bytes follow it', () => {
    const wire = `${head('200 OK', 'Content-Length: 2')}okHTTP/1.1 200 OK`;
    expect(parse([wire]).end).toBe(wire.indexOf('okHTTP') + 2);
  });

  it('a close before the end of a sized body is not a response', () => {
    expect(parse([`${head('200 OK', 'Content-Length: 9')}cut`], 'GET', true).end).toBe(-1);
  });

  it('rejects what is not HTTP/1.x, and conflicting lengths', () => {
    expect(() => parse(['SSH-2.0-OpenSSH\r\n\r\n'])).toThrow(HttpParseError);
    expect(() => parse([head('200 OK', 'Content-Length: 2', 'Content-Length: 3')])).toThrow(
      /content-length/,
    );
    expect(() => parse([`${head('200 OK', 'Transfer-Encoding: chunked')}zz\r\n`])).toThrow(
      /chunk size/,
    );
  });
});

describe('the request bytes', () => {
  it('builds a request without headers or body once, and reuses its buffer', () => {
    const bytes = new RequestBytes('127.0.0.1:8080');
    const first = bytes.of({ method: 'GET', path: '/albums' });
    expect(first.toString()).toBe('GET /albums HTTP/1.1\r\nhost: 127.0.0.1:8080\r\n\r\n');
    expect(bytes.of({ method: 'GET', path: '/albums' })).toBe(first);
    expect(bytes.of({ method: 'GET', path: '/albums/1' })).not.toBe(first);
  });

  it('adds the headers and the body’s length in bytes; a Host header replaces ours', () => {
    const bytes = new RequestBytes('127.0.0.1:8080');
    const body = JSON.stringify({ title: 'Blue Train — live' });
    const request = bytes.of({
      method: 'POST',
      path: '/albums',
      headers: { 'content-type': 'application/json', Host: 'albums.test' },
      body,
    });
    expect(request.toString()).toBe(
      'POST /albums HTTP/1.1\r\ncontent-type: application/json\r\nHost: albums.test\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });

  it('refuses a path or header that would split the request', () => {
    const bytes = new RequestBytes('h');
    expect(() => bytes.of({ method: 'GET', path: '/a b' })).toThrow(/invalid request path/);
    expect(() => bytes.of({ method: 'GET', path: '/', headers: { 'x-a': '1\r\nx-b: 2' } })).toThrow(
      /invalid header/,
    );
  });
});
