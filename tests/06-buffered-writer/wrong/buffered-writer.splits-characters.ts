// Wrong: a string is encoded whole, then copied like any bytes. The buffer is filled to the
// brim, so a character can be cut in two: its first bytes end one buffer, its last bytes
// start the next. The file is right, but each buffer handed to the sink may not be valid
// UTF-8 (a reader of a pipe or a log shipper sees torn characters), and every string costs
// an extra copy.
// Rejected by: injected-sinks.test.ts
import { BufferedWriter as Reference } from '../../../solutions/06-buffered-writer/buffered-writer.ts';

export * from '../../../solutions/06-buffered-writer/buffered-writer.ts';

const encoder = new TextEncoder();

export class BufferedWriter extends Reference {
  override write(chunk: string | Uint8Array): number {
    return super.write(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  }
}
