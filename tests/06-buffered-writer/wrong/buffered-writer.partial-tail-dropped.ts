// Wrong: one sink call per flush, and whatever the sink did not take is counted as written
// anyway. A file takes everything, so it looks right; a pipe or a socket loses the tail.
// Rejected by: injected-sinks.test.ts
import { BufferedWriter as Reference } from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export * from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export class BufferedWriter extends Reference {
  protected override writeOut(bytes: Uint8Array, offset: number, length: number): number {
    try {
      this.sink.write(bytes, offset, length);
    } catch (error) {
      this.err = error;
      return 0;
    }
    return length;
  }
}
