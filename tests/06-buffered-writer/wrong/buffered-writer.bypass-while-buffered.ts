// Wrong: a chunk at least as large as the buffer always goes straight to the sink, even
// while bytes are still buffered. Those bytes go out later, after it: the output is
// reordered.
// Rejected by: injected-sinks.test.ts
import { BufferedWriter as Reference } from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export * from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export class BufferedWriter extends Reference {
  protected override writeBytes(bytes: Uint8Array): number {
    if (bytes.length < this.size) return super.writeBytes(bytes);
    this.writeOut(bytes, 0, bytes.length);
    if (this.err !== undefined) throw this.err;
    return bytes.length;
  }
}
