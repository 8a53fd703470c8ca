// The bytes of an HTTP/1.1 request, built once per (method, path) when the request has no
// headers and no body: a scenario repeats the same few requests, so the hot path writes a
// buffer it already has (autocannon prebuilds its requests too) instead of formatting a head.
import type { OutgoingRequest } from './transport.ts';

/** Enough for the distinct paths of any scenario (`/albums/:id` over a few thousand ids). */
const MAX_CACHED_PATHS = 4096;

/** Characters that would end a request line or a header early (request smuggling). */
const UNSAFE = /[\r\n]/;
const UNSAFE_PATH = /[\s]/;

export class RequestBytes {
  private readonly cache = new Map<string, Map<string, Buffer>>();
  private readonly hostLine: string;

  constructor(
    /** `host:port` as the Host header carries it. */
    host: string,
  ) {
    this.hostLine = `host: ${host}\r\n`;
  }

  /** The whole request: head and body. */
  of(request: OutgoingRequest): Buffer {
    if (request.headers === undefined && request.body === undefined) {
      let byPath = this.cache.get(request.method);
      if (byPath === undefined) {
        byPath = new Map();
        this.cache.set(request.method, byPath);
      }
      let bytes = byPath.get(request.path);
      if (bytes === undefined) {
        if (byPath.size >= MAX_CACHED_PATHS) byPath.clear();
        bytes = this.build(request);
        byPath.set(request.path, bytes);
      }
      return bytes;
    }
    return this.build(request);
  }

  private build({ method, path, headers, body }: OutgoingRequest): Buffer {
    if (UNSAFE_PATH.test(path) || !path.startsWith('/')) {
      throw new TypeError(`invalid request path ${JSON.stringify(path)}`);
    }
    if (!/^[A-Z]+$/.test(method)) throw new TypeError(`invalid method ${JSON.stringify(method)}`);
    let lines = '';
    let hasHost = false;
    let hasLength = false;
    for (const name in headers) {
      const value = headers[name]!;
      if (UNSAFE.test(name) || UNSAFE.test(value) || name.includes(':')) {
        throw new TypeError(`invalid header ${JSON.stringify(name)}`);
      }
      const lower = name.toLowerCase();
      if (lower === 'host') hasHost = true;
      if (lower === 'content-length') hasLength = true;
      lines += `${name}: ${value}\r\n`;
    }
    if (body !== undefined && !hasLength) {
      lines += `content-length: ${Buffer.byteLength(body)}\r\n`;
    } else if (body === undefined && !hasLength && (method === 'POST' || method === 'PUT')) {
      lines += 'content-length: 0\r\n';
    }
    const host = hasHost ? '' : this.hostLine;
    return Buffer.from(`${method} ${path} HTTP/1.1\r\n${host}${lines}\r\n${body ?? ''}`, 'utf8');
  }
}
