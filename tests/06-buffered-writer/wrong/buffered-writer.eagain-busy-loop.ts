// Wrong: EAGAIN is retried at once, ten times in a row, without sleeping. The pipe has had
// no time to drain, so the retries are wasted system calls, and on a full pipe the writer
// gives up within microseconds instead of giving the reader a chance.
// Rejected by: injected-sinks.test.ts
import { BufferedWriter as Reference } from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export * from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export class BufferedWriter extends Reference {
  protected override sleep(): void {}
}
