// Wrong: a writer's unlock hands the reader semaphore a single permit, as a mutex wakes one
// waiter. One of the readers that queued behind the writer comes in; the others sleep on
// for ever.
// Rejected by: shared-rwmutex.threads.test.ts

import { SharedMutex } from '../../../solutions/03-mutex/shared-mutex.ts';
import { SharedRWMutex as Reference } from '../../../solutions/04-rwmutex/shared-rwmutex.ts';

const MAX_READERS = 1 << 30;
const READER_SEM = 2;
const READER_COUNT = 3;

export class SharedRWMutex extends Reference {
  private readonly cells = new Int32Array(this.buffer, this.index * 4, Reference.WORDS);
  private readonly writerLock = new SharedMutex(this.buffer, this.index);

  static override create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(Reference.WORDS * 4));
  }

  override unlock(): void {
    const blocked = Atomics.add(this.cells, READER_COUNT, MAX_READERS) + MAX_READERS;
    if (blocked >= MAX_READERS) {
      Atomics.sub(this.cells, READER_COUNT, MAX_READERS);
      throw new Error('unlock of unlocked RWMutex');
    }
    if (blocked > 0) {
      Atomics.add(this.cells, READER_SEM, 1);
      Atomics.notify(this.cells, READER_SEM, 1);
    }
    this.writerLock.unlock();
  }
}
