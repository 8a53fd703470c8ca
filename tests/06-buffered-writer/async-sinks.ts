// A positioned async sink over an in-memory file, for the async writer's specs. Each write
// copies its bytes when it completes, as a real pwrite on the thread pool may read them
// late: a writer that refills a buffer still in flight corrupts this file too.
import type { AsyncSink } from '../../lib/io/sinks.ts';

export class MemoryFile implements AsyncSink {
  private data = new Uint8Array(0);
  inFlight = 0;
  mostInFlight = 0;
  calls = 0;

  /**
   * `complete(length)` decides when a write finishes and how many bytes it takes (by default
   * at once, all of them). A number below `length` is a partial write; an Error rejects.
   */
  constructor(
    private readonly complete: (length: number) => Promise<number | Error> = async (length) =>
      length,
  ) {}

  async write(
    bytes: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<number> {
    this.calls++;
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    try {
      const outcome = await this.complete(length);
      if (outcome instanceof Error) throw outcome;
      const taken = Math.min(outcome, length);
      this.put(bytes.slice(offset, offset + taken), position);
      return taken;
    } finally {
      this.inFlight--;
    }
  }

  private put(bytes: Uint8Array, position: number): void {
    const end = position + bytes.length;
    if (end > this.data.length) {
      const grown = new Uint8Array(end);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set(bytes, position);
  }

  get text(): string {
    return Buffer.from(this.data).toString('utf8');
  }
}

/** A completion that waits until the spec calls `release()`. */
export function gate(): {
  complete: (length: number) => Promise<number>;
  release: () => void;
  waiting: () => number;
} {
  const waiters: Array<() => void> = [];
  return {
    complete: (length) => new Promise<number>((resolve) => waiters.push(() => resolve(length))),
    release: () => {
      for (const wake of waiters.splice(0)) wake();
    },
    waiting: () => waiters.length,
  };
}
