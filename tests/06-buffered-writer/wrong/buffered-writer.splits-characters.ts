// Wrong: a string is encoded whole, then copied like any bytes. The buffer is filled to the
// brim, so a character can be cut in two: its first bytes end one buffer, its last bytes
// start the next. The file is right, but each buffer handed to the sink may not be valid
// UTF-8 (a reader of a pipe or a log shipper sees torn characters), and every string costs
// an extra copy.
// Rejected by: injected-sinks.test.ts
import { checkedSize, DEFAULT_SIZE } from '../../../lib/io/buffer-size.ts';
import { ShortWriteError } from '../../../lib/io/short-write-error.ts';
import type { Sink } from '../../../lib/io/sinks.ts';

export { DEFAULT_SIZE } from '../../../lib/io/buffer-size.ts';
export { ShortWriteError } from '../../../lib/io/short-write-error.ts';
export { fileSink, type Sink } from '../../../lib/io/sinks.ts';

/** EAGAIN (a full pipe, a non-blocking descriptor) is retried at most this many times… */
export const EAGAIN_RETRIES = 10;
/** …sleeping at most this long in all, before it becomes the sticky error. */
export const EAGAIN_BUDGET_MS = 50;

const encoder = new TextEncoder();

export class BufferedWriter {
  private sink: Sink;
  private readonly buf: Uint8Array;
  private n = 0;
  private err: unknown = undefined;
  private closed = false;
  /** A private word to sleep on: nobody else can notify it, so a wait is a pure delay. */
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));

  constructor(sink: Sink, size = DEFAULT_SIZE) {
    this.sink = sink;
    this.buf = new Uint8Array(checkedSize(size));
  }

  get size(): number {
    return this.buf.length;
  }

  /** Bytes accepted and not yet written to the sink. */
  get buffered(): number {
    return this.n;
  }

  /** Free bytes left in the buffer. */
  get available(): number {
    return this.buf.length - this.n;
  }

  /** Accepts the whole chunk and returns its length in bytes, or throws the sticky error. */
  write(chunk: string | Uint8Array): number {
    if (this.closed) throw new Error('write after close');
    if (this.err !== undefined) throw this.err;
    return this.writeBytes(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  }

  /** Writes every buffered byte to the sink, or throws the sticky error. */
  flush(): void {
    if (this.err !== undefined) throw this.err;
    if (this.n === 0) return;
    const written = this.writeOut(this.buf, 0, this.n);
    // Keep what the sink did not take, at the front, for nobody: the error is sticky.
    if (written < this.n) this.buf.copyWithin(0, written, this.n);
    this.n -= written;
    if (this.err !== undefined) throw this.err;
  }

  /** Flushes; later calls do nothing. The descriptor stays open: its owner closes it. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
  }

  /** Discards the buffered bytes and the error, and writes to `sink` from now on (Go's Reset). */
  reset(sink: Sink): void {
    this.sink = sink;
    this.n = 0;
    this.err = undefined;
    this.closed = false;
  }

  private writeBytes(bytes: Uint8Array): number {
    let offset = 0;
    for (;;) {
      const rest = bytes.length - offset;
      if (this.n === 0 && rest >= this.buf.length) {
        // Nothing buffered: a chunk at least as large as the buffer goes to the sink as it
        // is. Copying it first would only cost time, and no buffered byte can be overtaken.
        this.writeOut(bytes, offset, rest);
        if (this.err !== undefined) throw this.err;
        return bytes.length;
      }
      if (rest <= this.available) {
        this.buf.set(offset === 0 ? bytes : bytes.subarray(offset), this.n);
        this.n += rest;
        return bytes.length;
      }
      // Fill the buffer to the brim, flush it, go on with the rest.
      const room = this.available;
      this.buf.set(bytes.subarray(offset, offset + room), this.n);
      this.n += room;
      offset += room;
      this.flushSafely();
      if (this.err !== undefined) throw this.err;
    }
  }

  /** Flush that records the error instead of throwing it (the caller checks `err`). */
  private flushSafely(): void {
    try {
      this.flush();
    } catch {
      // Recorded in `err` by writeOut.
    }
  }

  /**
   * Hands `bytes[offset, offset + length)` to the sink until all of it is written or an
   * error is recorded in `err`. Returns the bytes written. A partial write is continued;
   * a sink that takes nothing is a short write (never a busy loop); EAGAIN is retried
   * with a bounded back-off, starting afresh after every bit of progress.
   */
  private writeOut(bytes: Uint8Array, offset: number, length: number): number {
    let done = 0;
    let retries = 0;
    let slept = 0;
    while (done < length) {
      let wrote: number;
      try {
        wrote = this.sink.write(bytes, offset + done, length - done);
      } catch (error) {
        // Back off 1, 2, 3, … ms: ten retries sleep 55 ms, so the budget ends the last one.
        const delay = Math.min(retries + 1, EAGAIN_BUDGET_MS - slept);
        if (!isEagain(error) || retries === EAGAIN_RETRIES || delay <= 0) {
          this.err = error;
          return done;
        }
        Atomics.wait(this.sleeper, 0, 0, delay);
        slept += delay;
        retries++;
        continue;
      }
      if (wrote <= 0) {
        this.err = new ShortWriteError(done, length);
        return done;
      }
      done += wrote;
      retries = 0;
      slept = 0;
    }
    return done;
  }
}

function isEagain(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EAGAIN';
}
