// Wrong: writers lock out each other with a plain mutex, and readers use the real lock.
// Neither side sees the other: a writer changes the data under a reader's feet.
// Rejected by: async-rwmutex.test.ts
import { AsyncMutex } from '../../../solutions/03-mutex/async-mutex.ts';
import { AsyncRWMutex as Reference } from '../../../solutions/04-rwmutex/async-rwmutex.ts';

export type { Release } from '../../../solutions/04-rwmutex/async-rwmutex.ts';

export class AsyncRWMutex extends Reference {
  private readonly writers = new AsyncMutex();

  override get isLocked(): boolean {
    return super.isLocked || this.writers.isLocked;
  }

  override lock(): Promise<() => void> {
    return this.writers.lock();
  }

  override unlock(): void {
    try {
      this.writers.unlock();
    } catch {
      throw new Error('unlock of unlocked RWMutex');
    }
  }
}
