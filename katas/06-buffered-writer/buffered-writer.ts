// Experiment F: writing a file line by line. As it stands, every `write` goes straight to
// the sink: one system call per line, 100,000 for 100,000 lines. Make it Go's
// bufio.Writer: collect the bytes in one buffer and hand the sink whole buffers.
import type { Sink } from '../../lib/io/sinks.ts';

export { fileSink, type Sink } from '../../lib/io/sinks.ts';

export const DEFAULT_SIZE = 65_536;
/** EAGAIN (a full pipe, a non-blocking descriptor) is retried at most this many times… */
export const EAGAIN_RETRIES = 10;
/** …sleeping at most this long in all, before it becomes the sticky error. */
export const EAGAIN_BUDGET_MS = 50;

const encoder = new TextEncoder();

/** The sink took nothing: continuing would loop for ever. */
export class ShortWriteError extends Error {
  readonly code = 'ERR_SHORT_WRITE';
  constructor(accepted: number, asked: number) {
    super(`short write: the sink accepted ${accepted} of ${asked} bytes and made no progress`);
    this.name = 'ShortWriteError';
  }
}

/** `size`, if a buffer of that many bytes can hold any character; else a RangeError. */
export function checkedSize(size: number): number {
  return size;
}

export class BufferedWriter {
  private sink: Sink;
  readonly size: number;

  constructor(sink: Sink, size = DEFAULT_SIZE) {
    this.sink = sink;
    this.size = checkedSize(size);
  }

  /** Bytes accepted and not yet written to the sink. */
  get buffered(): number {
    return 0;
  }

  /** Free bytes left in the buffer. */
  get available(): number {
    return this.size;
  }

  /** Accepts the whole chunk and returns its length in bytes, or throws the sticky error. */
  write(chunk: string | Uint8Array): number {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    return this.sink.write(bytes, 0, bytes.length);
  }

  /** Writes every buffered byte to the sink, or throws the sticky error. */
  flush(): void {}

  /** Flushes; later calls do nothing. The descriptor stays open: its owner closes it. */
  close(): void {}

  /** Discards the buffered bytes and the error, and writes to `sink` from now on (Go's Reset). */
  reset(sink: Sink): void {
    this.sink = sink;
  }
}
