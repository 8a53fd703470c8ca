// Wrong: a waiting writer is woken by the first reader that leaves, not the last: the
// readers that were inside are not counted (no readerWait). With two readers inside, the
// writer gets in while the second still reads.
// Rejected by: shared-rwmutex.threads.test.ts
import { SharedRWMutex as Reference } from '../../../solutions/04-rwmutex/shared-rwmutex.ts';

const WRITER_SEM = 1;
const READER_COUNT = 3;

export class SharedRWMutex extends Reference {
  private readonly cells = new Int32Array(this.buffer, this.index * 4, Reference.WORDS);

  static override create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(Reference.WORDS * 4));
  }

  override runlock(): void {
    const readers = Atomics.sub(this.cells, READER_COUNT, 1) - 1;
    if (readers >= 0) return;
    if (readers + 1 === 0 || readers + 1 === -(1 << 30)) {
      Atomics.add(this.cells, READER_COUNT, 1);
      throw new Error('runlock of unlocked RWMutex');
    }
    // A writer waits: let it in now.
    Atomics.add(this.cells, WRITER_SEM, 1);
    Atomics.notify(this.cells, WRITER_SEM, 1);
  }
}
