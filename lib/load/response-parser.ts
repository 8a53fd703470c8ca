// A minimal HTTP/1.1 response parser for the socket transport (socket-transport.ts): the status
// code, the three headers that say where the body ends (content-length, transfer-encoding,
// connection), and the body bytes, which it copies (the socket reads into one reused buffer).
// It looks at nothing else: a load generator needs the status, the size and, when a task asks,
// the body, and every header it parsed into strings would be garbage per request.
//
// One response at a time (no pipelining), fed in pieces that may split it anywhere.
import type { RawResponse } from './transport.ts';

const CR = 13;
const LF = 10;
const SP = 32;
const TAB = 9;
const HEAD_END = Buffer.from('\r\n\r\n');
/** A head longer than this is not a response we will ever parse (undici's default: 16 KB). */
export const MAX_HEAD_BYTES = 64 * 1024;
/** Bodies up to this size announced by content-length get one buffer, filled in place. */
const ONE_BUFFER_LIMIT = 8 * 1024 * 1024;

export class HttpParseError extends Error {
  override name = 'HttpParseError';
  readonly code = 'HPE_INVALID_RESPONSE';
}

/** One response: what the transport resolves a request with. */
export class ParsedResponse implements RawResponse {
  status = 0;
  /** Body bytes received (after de-chunking). */
  bytes = 0;
  private whole: Buffer | undefined;
  private pieces: Buffer[] | undefined;

  /** Content-length known: one buffer for the body. */
  expect(length: number): void {
    if (length <= ONE_BUFFER_LIMIT) this.whole = Buffer.allocUnsafe(length);
  }

  /** Copies bytes [start, end) of `source`, which the socket will overwrite on its next read. */
  keep(source: Buffer, start: number, end: number): void {
    if (this.whole !== undefined) source.copy(this.whole, this.bytes, start, end);
    else {
      this.pieces ??= [];
      this.pieces.push(Buffer.from(source.subarray(start, end)));
    }
    this.bytes += end - start;
  }

  text(): string {
    if (this.whole !== undefined) return this.whole.toString('utf8', 0, this.bytes);
    return this.pieces === undefined ? '' : Buffer.concat(this.pieces).toString('utf8');
  }
}

enum State {
  Head,
  Length,
  UntilClose,
  ChunkSize,
  ChunkExtension,
  ChunkSizeLf,
  ChunkData,
  ChunkDataCr,
  ChunkDataLf,
  TrailerStart,
  TrailerLine,
  TrailerLineLf,
  TrailerEndLf,
  Done,
}

/** Does buf[start, end) equal `lower` (lowercase ASCII), ignoring the case of its letters? */
function nameIs(buf: Buffer, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let i = 0; i < lower.length; i++) {
    if ((buf[start + i]! | 0x20) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

function hexValue(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  const lower = byte | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

const tokens = (value: string) =>
  value
    .toLowerCase()
    .split(',')
    .map((token) => token.trim());

export class ResponseParser {
  private state = State.Done;
  private headOnly = false;
  /** Bytes left of the body (Length) or of the current chunk (ChunkData). */
  private remaining = 0;
  private chunkDigits = 0;
  /** A head split over reads, gathered until it is whole. */
  private partialHead: Buffer | undefined;
  response = new ParsedResponse();
  /** False when the server will close, or may: the connection then serves no other request. */
  keepAlive = true;
  /** Whether any byte of the current response has come (a reused connection's stale close). */
  receivedAny = false;

  /** Expects a new response, to a request with `method`. */
  start(method: string): void {
    this.state = State.Head;
    this.headOnly = method === 'HEAD';
    this.partialHead = undefined;
    this.response = new ParsedResponse();
    this.keepAlive = true;
    this.receivedAny = false;
  }

  get done(): boolean {
    return this.state === State.Done;
  }

  /**
   * Parses buf[start, end). Returns the index just past the response when it is complete
   * (bytes after it belong to nothing: there is no pipelining), or -1 when it needs more.
   */
  feed(buf: Buffer, start: number, end: number): number {
    if (start < end) this.receivedAny = true;
    let i = start;
    while (i < end || this.state === State.Done) {
      switch (this.state) {
        case State.Done:
          return i;
        case State.Head:
          i = this.head(buf, i, end);
          if (i < 0) return -1;
          break;
        case State.Length: {
          const n = Math.min(this.remaining, end - i);
          this.response.keep(buf, i, i + n);
          i += n;
          this.remaining -= n;
          if (this.remaining === 0) this.state = State.Done;
          break;
        }
        case State.UntilClose:
          this.response.keep(buf, i, end);
          i = end;
          break;
        case State.ChunkData: {
          const n = Math.min(this.remaining, end - i);
          this.response.keep(buf, i, i + n);
          i += n;
          this.remaining -= n;
          if (this.remaining === 0) this.state = State.ChunkDataCr;
          break;
        }
        default:
          this.chunkFraming(buf[i]!);
          i++;
      }
    }
    return -1;
  }

  /** The connection closed: completes a body that runs until the close; false if cut short. */
  finish(): boolean {
    if (this.state === State.UntilClose) this.state = State.Done;
    return this.state === State.Done;
  }

  /** Gathers and parses the head; returns where the body starts, or -1 for more bytes. */
  private head(buf: Buffer, start: number, end: number): number {
    let source = buf;
    let from = start;
    let searchFrom = start;
    let limit = end;
    if (this.partialHead !== undefined) {
      const before = this.partialHead.length;
      source = Buffer.concat([this.partialHead, buf.subarray(start, end)]);
      from = 0;
      searchFrom = Math.max(0, before - 3);
      limit = source.length;
    }
    // indexOf searches to the buffer's end: a match past `limit` means none within it.
    const at = source.indexOf(HEAD_END, searchFrom);
    if (at < 0 || at + 4 > limit) {
      if (limit - from > MAX_HEAD_BYTES) throw new HttpParseError('response head too large');
      this.partialHead = Buffer.from(source.subarray(from, limit));
      return -1;
    }
    this.partialHead = undefined;
    this.parseHead(source, from, at + 2);
    const bodyStart = at + 4;
    // Offsets in the gathered head map back to `buf`: its bytes sit at the end of `source`.
    return source === buf ? bodyStart : end - (limit - bodyStart);
  }

  /** Status line and header lines in buf[start, end) (end: the CRLF that ends the last line). */
  private parseHead(buf: Buffer, start: number, end: number): void {
    // "HTTP/1.x 200 …"
    if (end - start < 12 || !nameIs(buf, start, start + 7, 'http/1.') || buf[start + 8] !== SP) {
      const line = buf.toString('latin1', start, Math.min(end, start + 40));
      throw new HttpParseError(`not an HTTP/1.x status line: ${JSON.stringify(line)}`);
    }
    const minor = buf[start + 7]! - 48;
    let status = 0;
    for (let i = start + 9; i < start + 12; i++) {
      const digit = buf[i]! - 48;
      if (digit < 0 || digit > 9) throw new HttpParseError('invalid status code');
      status = status * 10 + digit;
    }
    let contentLength = -1;
    let chunked = false;
    let otherCoding = false;
    let keepAlive = minor >= 1;
    let line = buf.indexOf(CR, start);
    while (line + 2 < end) {
      const lineStart = line + 2;
      const lineEnd = buf.indexOf(CR, lineStart);
      line = lineEnd;
      const first = buf[lineStart]! | 0x20;
      if (first !== 0x63 && first !== 0x74) continue; // only c… and t… names matter
      const colon = buf.indexOf(0x3a, lineStart);
      if (colon < 0 || colon > lineEnd) continue;
      let valueStart = colon + 1;
      let valueEnd = lineEnd;
      while (valueStart < valueEnd && (buf[valueStart] === SP || buf[valueStart] === TAB))
        valueStart++;
      while (valueEnd > valueStart && (buf[valueEnd - 1] === SP || buf[valueEnd - 1] === TAB))
        valueEnd--;
      if (nameIs(buf, lineStart, colon, 'content-length')) {
        let length = 0;
        for (let i = valueStart; i < valueEnd; i++) {
          const digit = buf[i]! - 48;
          if (digit < 0 || digit > 9) throw new HttpParseError('invalid content-length');
          length = length * 10 + digit;
        }
        if (valueStart === valueEnd || (contentLength >= 0 && contentLength !== length)) {
          throw new HttpParseError('invalid content-length');
        }
        contentLength = length;
      } else if (nameIs(buf, lineStart, colon, 'transfer-encoding')) {
        const codings = tokens(buf.toString('latin1', valueStart, valueEnd));
        chunked = codings[codings.length - 1] === 'chunked';
        otherCoding = !chunked;
      } else if (nameIs(buf, lineStart, colon, 'connection')) {
        // Node's servers send "keep-alive" on every response: no strings for the usual values.
        if (nameIs(buf, valueStart, valueEnd, 'keep-alive')) keepAlive = true;
        else if (nameIs(buf, valueStart, valueEnd, 'close')) keepAlive = false;
        else {
          const options = tokens(buf.toString('latin1', valueStart, valueEnd));
          if (options.includes('close')) keepAlive = false;
          else if (options.includes('keep-alive')) keepAlive = true;
        }
      }
    }
    // 1xx (100 Continue, 103 Early Hints) come before the real response: wait for it.
    if (status >= 100 && status < 200 && status !== 101) {
      this.state = State.Head;
      return;
    }
    this.response.status = status;
    this.keepAlive = keepAlive;
    if (this.headOnly || status === 204 || status === 304 || status === 101) {
      this.state = State.Done;
    } else if (chunked) {
      this.state = State.ChunkSize;
      this.remaining = 0;
      this.chunkDigits = 0;
    } else if (otherCoding || contentLength < 0) {
      // No length: the body runs until the server closes.
      this.state = State.UntilClose;
      this.keepAlive = false;
    } else if (contentLength === 0) {
      this.state = State.Done;
    } else {
      this.state = State.Length;
      this.remaining = contentLength;
      this.response.expect(contentLength);
    }
  }

  /** One byte of the chunked framing: sizes, extensions, CRLFs, trailers. */
  private chunkFraming(byte: number): void {
    switch (this.state) {
      case State.ChunkSize: {
        const digit = hexValue(byte);
        if (digit >= 0) {
          if (++this.chunkDigits > 12) throw new HttpParseError('chunk size too large');
          this.remaining = this.remaining * 16 + digit;
        } else if (this.chunkDigits > 0 && (byte === 0x3b || byte === SP || byte === TAB)) {
          this.state = State.ChunkExtension;
        } else if (this.chunkDigits > 0 && byte === CR) {
          this.state = State.ChunkSizeLf;
        } else throw new HttpParseError('invalid chunk size');
        return;
      }
      case State.ChunkExtension:
        if (byte === CR) this.state = State.ChunkSizeLf;
        return;
      case State.ChunkSizeLf:
        if (byte !== LF) throw new HttpParseError('expected LF after the chunk size');
        this.state = this.remaining === 0 ? State.TrailerStart : State.ChunkData;
        return;
      case State.ChunkDataCr:
        if (byte !== CR) throw new HttpParseError('expected CRLF after chunk data');
        this.state = State.ChunkDataLf;
        return;
      case State.ChunkDataLf:
        if (byte !== LF) throw new HttpParseError('expected CRLF after chunk data');
        this.state = State.ChunkSize;
        this.chunkDigits = 0;
        return;
      case State.TrailerStart:
        this.state = byte === CR ? State.TrailerEndLf : State.TrailerLine;
        return;
      case State.TrailerLine:
        if (byte === CR) this.state = State.TrailerLineLf;
        return;
      case State.TrailerLineLf:
        if (byte !== LF) throw new HttpParseError('expected LF after a trailer');
        this.state = State.TrailerStart;
        return;
      case State.TrailerEndLf:
        if (byte !== LF) throw new HttpParseError('expected LF after the trailers');
        this.state = State.Done;
        return;
    }
  }
}
