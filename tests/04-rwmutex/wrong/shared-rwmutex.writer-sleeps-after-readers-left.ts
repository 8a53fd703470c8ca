// Wrong: a writer that found readers inside always sleeps until one wakes it, as if none could
// leave before it counts them into readerWait. When they all leave in between, readerWait goes
// negative and back to 0 only with the writer's own add: no reader sees it reach 0, nobody
// wakes the writer, and it sleeps for ever (a lost wake-up, now and then on real threads).
// Rejected by: shared-rwmutex.test.ts
import { SharedMutex } from '../../../solutions/03-mutex/shared-mutex.ts';
import { SharedRWMutex as Reference } from '../../../solutions/04-rwmutex/shared-rwmutex.ts';

const MAX_READERS = 1 << 30;
const WRITER_SEM = 1;
const READER_COUNT = 3;
const READER_WAIT = 4;

export class SharedRWMutex extends Reference {
  private readonly cells = new Int32Array(this.buffer, this.index * 4, Reference.WORDS);
  private readonly writerLock = new SharedMutex(this.buffer, this.index);

  static override create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(Reference.WORDS * 4));
  }

  override lock(): void {
    this.writerLock.lock();
    const active = Atomics.sub(this.cells, READER_COUNT, MAX_READERS);
    if (active === 0) return;
    Atomics.add(this.cells, READER_WAIT, active);
    for (;;) {
      const permits = Atomics.load(this.cells, WRITER_SEM);
      if (permits > 0) {
        if (Atomics.compareExchange(this.cells, WRITER_SEM, permits, permits - 1) === permits) {
          return;
        }
      } else {
        Atomics.wait(this.cells, WRITER_SEM, permits);
      }
    }
  }
}
