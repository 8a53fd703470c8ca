// Wrong: the classic "first readers-writers" lock. The first reader in takes the writers'
// lock, the last reader out gives it back. A reader gets in whenever other readers are
// inside, so while readers keep overlapping, a waiting writer starves.
import { SharedMutex } from '../../../solutions/03-mutex/shared-mutex.ts';

export class SharedRWMutex {
  static readonly WORDS = 3;
  readonly buffer: SharedArrayBuffer;
  readonly index: number;
  private readonly readers: Int32Array;
  private readonly readersGuard: SharedMutex;
  private readonly writers: SharedMutex;

  constructor(buffer: SharedArrayBuffer, index = 0) {
    this.readers = new Int32Array(buffer, index * 4, 1);
    this.readersGuard = new SharedMutex(buffer, index + 1);
    this.writers = new SharedMutex(buffer, index + 2);
    this.buffer = buffer;
    this.index = index;
  }

  static create(): SharedRWMutex {
    return new SharedRWMutex(new SharedArrayBuffer(SharedRWMutex.WORDS * 4));
  }

  rlock(): void {
    this.readersGuard.lock();
    if (++this.readers[0]! === 1) this.writers.lock();
    this.readersGuard.unlock();
  }

  runlock(): void {
    this.readersGuard.lock();
    const left = this.readers[0]!;
    if (left === 0) {
      this.readersGuard.unlock();
      throw new Error('runlock of unlocked RWMutex');
    }
    this.readers[0] = left - 1;
    if (left === 1) this.writers.unlock();
    this.readersGuard.unlock();
  }

  lock(): void {
    this.writers.lock();
  }

  unlock(): void {
    try {
      this.writers.unlock();
    } catch {
      throw new Error('unlock of unlocked RWMutex');
    }
  }
}
