// Experiment F on the event loop, and experiment A's lost update on a file. As it stands,
// every `write` reads the shared file offset, awaits a write at that offset, and only then
// advances it: tasks that write at once all read the same offset and overwrite each
// other's lines. Make it a buffered writer with at most one write in flight.

import { checkedSize, DEFAULT_SIZE } from '../../lib/io/buffer-size.ts';
import type { AsyncSink } from '../../lib/io/sinks.ts';

export { type AsyncSink, fileHandleSink } from '../../lib/io/sinks.ts';

const encoder = new TextEncoder();

export class AsyncBufferedWriter {
  private readonly sink: AsyncSink;
  private position: number;

  /** Writes to `sink` from file offset `position` on. */
  constructor(sink: AsyncSink, size = DEFAULT_SIZE, position = 0) {
    checkedSize(size);
    this.sink = sink;
    this.position = position;
  }

  /** Bytes accepted and not yet handed to the sink. */
  get buffered(): number {
    return 0;
  }

  /** Resolves with the chunk's length in bytes once it is buffered; waits while both buffers are busy. */
  async write(chunk: string | Uint8Array): Promise<number> {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    const at = this.position;
    const written = await this.sink.write(bytes, 0, bytes.length, at);
    this.position = at + written;
    return written;
  }

  /** Resolves once every byte written before it is in the sink; rejects with the sticky error. */
  async flush(): Promise<void> {}

  /** Flushes once; every call returns the same promise. The handle stays open. */
  async close(): Promise<void> {}
}
