// Wrong: one buffer. It waits for the write in flight before the next hand-over, but new
// bytes are copied into the very buffer the sink may still be reading: a pwrite on the
// thread pool can send bytes of the next lines instead of the ones it was given.
// Rejected by: async-writer.test.ts
import { AsyncBufferedWriter as Reference } from '../../../solutions/06-buffered-writer/async-buffered-writer.ts';

export * from '../../../solutions/06-buffered-writer/async-buffered-writer.ts';

export class AsyncBufferedWriter extends Reference {
  protected override sendFill(): void {
    const length = this.n;
    this.n = 0;
    this.inFlight = this.writeOut(this.fill, length);
  }
}
