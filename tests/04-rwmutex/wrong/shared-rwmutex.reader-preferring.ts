// Wrong: the classic "first readers-writers" lock. The first reader in takes the writers'
// lock, the last reader out gives it back. A reader gets in whenever other readers are
// inside, so while readers keep overlapping, a waiting writer starves.
// Rejected by: shared-rwmutex.test.ts
import { SharedMutex } from '../../../solutions/03-mutex/shared-mutex.ts';
import { SharedRWMutex as Reference } from '../../../solutions/04-rwmutex/shared-rwmutex.ts';

export class SharedRWMutex extends Reference {
  private readonly readers = new Int32Array(this.buffer, this.index * 4, 1);
  private readonly readersGuard = new SharedMutex(this.buffer, this.index + 1);
  private readonly writerLock = new SharedMutex(this.buffer, this.index + 2);

  static override create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(Reference.WORDS * 4));
  }

  override rlock(): void {
    this.readersGuard.lock();
    if (++this.readers[0]! === 1) this.writerLock.lock();
    this.readersGuard.unlock();
  }

  override runlock(): void {
    this.readersGuard.lock();
    const left = this.readers[0]!;
    if (left === 0) {
      this.readersGuard.unlock();
      throw new Error('runlock of unlocked RWMutex');
    }
    this.readers[0] = left - 1;
    if (left === 1) this.writerLock.unlock();
    this.readersGuard.unlock();
  }

  override lock(): void {
    this.writerLock.lock();
  }

  override unlock(): void {
    try {
      this.writerLock.unlock();
    } catch {
      throw new Error('unlock of unlocked RWMutex');
    }
  }
}
