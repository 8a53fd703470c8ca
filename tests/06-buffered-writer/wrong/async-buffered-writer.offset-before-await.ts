// Wrong: a full buffer is sent at once, without waiting for the write in flight. Each write
// takes its offset before its await and advances it after, so two writes in flight take
// the same offset and the later overwrites the earlier (experiment A's lost update, on a
// file). With two buffers, a third hand-over also refills a buffer still in flight.
// Rejected by: async-writer.interleavings.test.ts
import { AsyncBufferedWriter as Reference } from '../../../solutions/06-buffered-writer/async-buffered-writer.ts';

export * from '../../../solutions/06-buffered-writer/async-buffered-writer.ts';

export class AsyncBufferedWriter extends Reference {
  protected override async handOver(): Promise<void> {
    if (this.err !== undefined) throw this.err;
    this.sendFill();
  }
}
