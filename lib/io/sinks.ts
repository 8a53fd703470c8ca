// Where a buffered writer's bytes go (kata 06). A sink writes some prefix of what it is
// given and says how much: a short count is legal and must be continued by the caller, and
// a full pipe or non-blocking descriptor throws an error with `code: 'EAGAIN'`. The
// descriptor or handle belongs to whoever opened it; no sink ever closes it.
import { writeSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

export interface Sink {
  /** Writes up to `length` bytes of `bytes` from `offset`; returns how many it wrote. */
  write(bytes: Uint8Array, offset: number, length: number): number;
}

export interface AsyncSink {
  /** Writes up to `length` bytes of `bytes` from `offset` at file `position`. */
  write(bytes: Uint8Array, offset: number, length: number, position: number): Promise<number>;
}

/** One `write(2)` per call, at the descriptor's current offset. */
export function fileSink(fd: number): Sink {
  return { write: (bytes, offset, length) => writeSync(fd, bytes, offset, length) };
}

/** One positioned write (`pwrite(2)` on libuv's thread pool) per call. */
export function fileHandleSink(handle: FileHandle): AsyncSink {
  return {
    write: async (bytes, offset, length, position) =>
      (await handle.write(bytes, offset, length, position)).bytesWritten,
  };
}
