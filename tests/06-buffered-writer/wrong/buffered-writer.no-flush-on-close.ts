// Wrong: close marks the writer closed but forgets to flush, so the last, partly filled
// buffer never reaches the file. Everything else is the reference.
// Rejected by: injected-sinks.test.ts
import { BufferedWriter as Reference } from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export {
  DEFAULT_SIZE,
  EAGAIN_BUDGET_MS,
  EAGAIN_RETRIES,
  fileSink,
  ShortWriteError,
  type Sink,
} from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export class BufferedWriter extends Reference {
  override close(): void {
    this.closed = true;
  }
}
