// Sinks the specs inject: they keep every byte they accept, log every call, and misbehave
// on cue (take only a few bytes, make no progress, throw EAGAIN or a plain error).
import type { Sink } from '../../lib/io/sinks.ts';

export interface SinkCall {
  /** The array the writer handed over (to tell a copy from the caller's own chunk). */
  bytes: Uint8Array;
  /** A copy of what was offered, taken during the call. */
  offered: Uint8Array;
  /** What the sink answered: bytes taken, or the error it threw. */
  outcome: number | Error;
}

/** What the sink does on one call: take `min(offered, n)` bytes, or throw. */
export type Behaviour = number | Error;

export const eagain = (): Error =>
  Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });

export class MemorySink implements Sink {
  readonly calls: SinkCall[] = [];
  private readonly chunks: Uint8Array[] = [];

  /** `script(call)` decides call number `call` (0-based); by default every byte is taken. */
  constructor(private readonly script: (call: number) => Behaviour = () => Infinity) {}

  write(bytes: Uint8Array, offset: number, length: number): number {
    const offered = bytes.slice(offset, offset + length);
    const behaviour = this.script(this.calls.length);
    if (behaviour instanceof Error) {
      this.calls.push({ bytes, offered, outcome: behaviour });
      throw behaviour;
    }
    const taken = Math.min(length, behaviour);
    this.calls.push({ bytes, offered, outcome: taken });
    this.chunks.push(offered.slice(0, taken));
    return taken;
  }

  /** Every byte the sink accepted, in order. */
  get bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }

  get text(): string {
    return Buffer.from(this.bytes).toString('utf8');
  }
}

/** A sink that takes every byte and throws `error` from call number `failAt` on. */
export const failingFrom = (failAt: number, error: Error) =>
  new MemorySink((call) => (call >= failAt ? error : Infinity));
