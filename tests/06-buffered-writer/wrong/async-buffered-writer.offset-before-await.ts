// Wrong: a full buffer is sent at once, without waiting for the write in flight. Each write
// takes its offset before its await and advances it after, so two writes in flight take
// the same offset and the later overwrites the earlier (experiment A's lost update, on a
// file). With two buffers, a third hand-over also refills a buffer still in flight.
// Rejected by: async-writer.interleavings.test.ts

import { checkedSize, DEFAULT_SIZE } from '../../../lib/io/buffer-size.ts';
import { ShortWriteError } from '../../../lib/io/short-write-error.ts';
import type { AsyncSink } from '../../../lib/io/sinks.ts';

export { type AsyncSink, fileHandleSink } from '../../../lib/io/sinks.ts';

const encoder = new TextEncoder();
const ignore = () => {};

export class AsyncBufferedWriter {
  private readonly sink: AsyncSink;
  private fill: Uint8Array;
  private spare: Uint8Array;
  private n = 0;
  private position: number;
  private inFlight: Promise<void> = Promise.resolve();
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;
  private err: unknown = undefined;
  private closing: Promise<void> | undefined;

  /** Writes to `sink` from file offset `position` on. */
  constructor(sink: AsyncSink, size = DEFAULT_SIZE, position = 0) {
    this.sink = sink;
    this.fill = new Uint8Array(checkedSize(size));
    this.spare = new Uint8Array(size);
    this.position = position;
  }

  /** Bytes accepted and not yet handed to the sink. */
  get buffered(): number {
    return this.n;
  }

  /** Resolves with the chunk's length in bytes once it is buffered; waits while both buffers are busy. */
  write(chunk: string | Uint8Array): Promise<number> {
    if (this.closing) return Promise.reject(new Error('write after close'));
    if (this.err !== undefined) return Promise.reject(this.err);
    if (this.queued === 0) {
      const accepted = this.append(chunk);
      if (accepted >= 0) return Promise.resolve(accepted);
    }
    return this.enqueue(() => this.writeWaiting(chunk));
  }

  /** Resolves once every byte written before it is in the sink; rejects with the sticky error. */
  flush(): Promise<void> {
    return this.enqueue(async () => {
      if (this.n > 0) await this.handOver();
      await this.inFlight;
      if (this.err !== undefined) throw this.err;
    });
  }

  /** Flushes once; every call returns the same promise. The handle stays open. */
  close(): Promise<void> {
    this.closing ??= this.flush();
    return this.closing;
  }

  /** Copies the whole chunk into `fill` if it fits; returns its length, or -1 (nothing kept). */
  private append(chunk: string | Uint8Array): number {
    if (typeof chunk === 'string') {
      const { read, written } = encoder.encodeInto(chunk, this.fill.subarray(this.n));
      if (read < chunk.length) return -1;
      this.n += written;
      return written;
    }
    if (chunk.length > this.fill.length - this.n) return -1;
    this.fill.set(chunk, this.n);
    this.n += chunk.length;
    return chunk.length;
  }

  /** A write that did not fit: fill, hand over, go on, whole characters at a time. */
  private async writeWaiting(chunk: string | Uint8Array): Promise<number> {
    let total = 0;
    if (typeof chunk === 'string') {
      let rest = chunk;
      for (;;) {
        const { read, written } = encoder.encodeInto(rest, this.fill.subarray(this.n));
        this.n += written;
        total += written;
        if (read === rest.length) return total;
        rest = rest.slice(read);
        await this.handOver();
      }
    }
    for (;;) {
      const room = Math.min(this.fill.length - this.n, chunk.length - total);
      this.fill.set(chunk.subarray(total, total + room), this.n);
      this.n += room;
      total += room;
      if (total === chunk.length) return total;
      await this.handOver();
    }
  }

  /** Waits for the write in flight, then sends `fill` and takes the free buffer. */
  private async handOver(): Promise<void> {
    if (this.err !== undefined) throw this.err;
    const full = this.fill;
    const length = this.n;
    this.fill = this.spare;
    this.spare = full;
    this.n = 0;
    this.inFlight = this.writeOut(full, length);
  }

  /** Writes `bytes[0, length)` at `position`, continuing partial writes; records any error. */
  private async writeOut(bytes: Uint8Array, length: number): Promise<void> {
    let done = 0;
    try {
      while (done < length) {
        const at = this.position;
        const wrote = await this.sink.write(bytes, done, length - done, at);
        if (wrote <= 0) throw new ShortWriteError(done, length);
        done += wrote;
        this.position = at + wrote;
      }
    } catch (error) {
      this.err = error;
    }
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    this.queued++;
    const run = async () => {
      try {
        return await step();
      } finally {
        this.queued--;
      }
    };
    const result = this.queue.then(run);
    this.queue = result.then(ignore, ignore);
    return result;
  }
}
