// Experiment F: writing a file line by line. As it stands, every `write` goes straight to
// the sink: one system call per line, 100,000 for 100,000 lines. Make it Go's
// bufio.Writer: collect the bytes in one buffer and hand the sink whole buffers.
import { checkedSize, DEFAULT_SIZE } from '../../lib/io/buffer-size.ts';
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
