// Wrong: sixteen stripes, one lock. Every operation takes stripe 0's lock, whatever stripe
// its key is in: correct, and exactly as serial as experiment C's map behind one mutex.
import { StripedMap as Reference } from '../../../solutions/05-concurrent-map/striped-map.ts';

export type { StripedMapOptions } from '../../../solutions/05-concurrent-map/striped-map.ts';

export class StripedMap extends Reference {
  override get(key: number): number | undefined {
    const lock = this.locks[0]!;
    lock.rlock();
    try {
      return this.maps[this.stripeOf(key)]!.get(key);
    } finally {
      lock.runlock();
    }
  }

  override set(key: number, value: number): void {
    this.exclusively(() => this.maps[this.stripeOf(key)]!.set(key, value));
  }

  override delete(key: number): boolean {
    return this.exclusively(() => this.maps[this.stripeOf(key)]!.delete(key));
  }

  private exclusively<T>(body: () => T): T {
    const lock = this.locks[0]!;
    lock.lock();
    try {
      return body();
    } finally {
      lock.unlock();
    }
  }
}
