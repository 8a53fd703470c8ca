// Go's bufio.Writer: collect small writes in one buffer and hand the sink (a file, a pipe)
// whole buffers, so that 100,000 short lines cost ceil(bytes / size) system calls, not
// 100,000. Invariants:
// - `buf[0, n)` holds bytes accepted but not yet written; they reach the sink in order,
//   before anything written later, and exactly once.
// - the first error is sticky: it is kept in `err`, thrown by every later write and flush,
//   and the sink is never called again (a retry could write bytes twice), until `reset`.
// - a string is encoded straight into the buffer; `encodeInto` writes whole characters
//   only, so a character that does not fit goes whole into the next buffer.
import { checkedSize, DEFAULT_SIZE } from '../../lib/io/buffer-size.ts';
import { ShortWriteError } from '../../lib/io/short-write-error.ts';
import type { Sink } from '../../lib/io/sinks.ts';

export { DEFAULT_SIZE } from '../../lib/io/buffer-size.ts';
export { ShortWriteError } from '../../lib/io/short-write-error.ts';
export { fileSink, type Sink } from '../../lib/io/sinks.ts';

/** EAGAIN (a full pipe, a non-blocking descriptor) is retried at most this many times… */
export const EAGAIN_RETRIES = 10;
/** …sleeping at most this long in all, before it becomes the sticky error. */
export const EAGAIN_BUDGET_MS = 50;

const encoder = new TextEncoder();

export class BufferedWriter {
  protected sink: Sink;
  protected readonly buf: Uint8Array;
  protected n = 0;
  protected err: unknown = undefined;
  protected closed = false;
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
    return typeof chunk === 'string' ? this.writeString(chunk) : this.writeBytes(chunk);
  }

  /** Writes every buffered byte to the sink, or throws the sticky error. */
  flush(): void {
    if (this.err !== undefined) throw this.err;
    const written = this.writeOut(this.buf, 0, this.n);
    // Keep what the sink did not take, at the front, for nobody: the error is sticky.
    this.buf.copyWithin(0, written, this.n);
    this.n -= written;
    if (this.err !== undefined) throw this.err;
  }

  /** Flushes; later calls find nothing to flush. The descriptor stays open: its owner closes it. */
  close(): void {
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

  protected writeBytes(bytes: Uint8Array): number {
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

  private writeString(text: string): number {
    let total = 0;
    let rest = text;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, this.buf.subarray(this.n));
      this.n += written;
      total += written;
      if (read === rest.length) return total;
      rest = rest.slice(read);
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
  protected writeOut(bytes: Uint8Array, offset: number, length: number): number {
    let done = 0;
    let retries = 0;
    let slept = 0;
    while (done < length) {
      let wrote: number;
      try {
        wrote = this.sink.write(bytes, offset + done, length - done);
      } catch (error) {
        // Back off 1, 2, 3, … ms, the last sleep cut to the budget: 1 + 2 + … + 9 + 5 = 50 ms.
        const delay = Math.min(retries + 1, EAGAIN_BUDGET_MS - slept);
        if (!isEagain(error) || retries === EAGAIN_RETRIES) {
          this.err = error;
          return done;
        }
        this.sleep(delay);
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

  /** Gives a full pipe time to drain before the next try. */
  protected sleep(ms: number): void {
    Atomics.wait(this.sleeper, 0, 0, ms);
  }
}

function isEagain(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EAGAIN';
}
