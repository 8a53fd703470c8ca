// Wrong: the error is not sticky. The next flush forgets it and tries again from the start
// of the buffer, and the bytes the sink already took before it failed are written a second
// time.
// Rejected by: injected-sinks.test.ts
import { BufferedWriter as Reference } from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export * from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export class BufferedWriter extends Reference {
  override flush(): void {
    this.err = undefined; // "transient": try the whole buffer again
    this.writeOut(this.buf, 0, this.n);
    if (this.err !== undefined) throw this.err;
    this.n = 0;
  }
}
