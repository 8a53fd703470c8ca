// A lock-striped concurrent map: the key space is split into N stripes, each a SharedHashMap
// with its own SharedRWMutex (kata 04). Writers on different stripes never wait for each
// other; readers of one stripe share its lock. The classic alternative to Go's sync.Map.

import type { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { createStripedBuffer, openStripes } from '../../lib/shared-memory/striped-buffer.ts';
import { SharedRWMutex } from '../04-rwmutex/shared-rwmutex.ts';

export interface StripedMapOptions {
  /** A power of two; 16 by default. */
  stripes?: number;
  capacityPerStripe?: number;
}

export class StripedMap {
  readonly buffer: SharedArrayBuffer;
  protected readonly maps: SharedHashMap[];
  protected readonly locks: SharedRWMutex[];
  private readonly stripeShift: number;

  static create({ stripes = 16, capacityPerStripe = 1 << 13 }: StripedMapOptions = {}): StripedMap {
    if (!Number.isInteger(stripes) || stripes < 1 || (stripes & (stripes - 1)) !== 0) {
      throw new RangeError(`stripes must be a power of two; got ${stripes}`);
    }
    return new this(createStripedBuffer(stripes, capacityPerStripe, SharedRWMutex.WORDS));
  }

  /** The same map, rebuilt in another worker from its buffer. */
  static from(buffer: SharedArrayBuffer): StripedMap {
    return new this(buffer);
  }

  protected constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    const stripes = openStripes(buffer);
    this.maps = stripes.map((stripe) => stripe.map);
    this.locks = stripes.map((stripe) => new SharedRWMutex(buffer, stripe.lockIndex));
    this.stripeShift = 32 - Math.log2(stripes.length);
  }

  get stripeCount(): number {
    return this.maps.length;
  }

  /**
   * The TOP bits of a Fibonacci hash. Each stripe's table indexes slots by the low bits of
   * the same hash, so taking the stripe from them would leave each table using one slot in N.
   */
  stripeOf(key: number): number {
    if (this.stripeShift === 32) return 0;
    return (Math.imul(key | 0, 0x9e3779b1) >>> 0) >>> this.stripeShift;
  }

  get(key: number): number | undefined {
    return this.reading(this.stripeOf(key), (map) => map.get(key));
  }

  set(key: number, value: number): void {
    this.writing(this.stripeOf(key), (map) => map.set(key, value));
  }

  delete(key: number): boolean {
    return this.writing(this.stripeOf(key), (map) => map.delete(key));
  }

  /** Exact at one instant: every stripe's read lock is held while the counts are summed. */
  get size(): number {
    return this.readingAll(() => this.maps.reduce((sum, map) => sum + map.size, 0));
  }

  /** A snapshot, taken under every stripe's read lock. */
  entries(): Array<[number, number]> {
    return this.readingAll(() => this.maps.flatMap((map) => [...map.entries()]));
  }

  /** Runs `body` on one stripe's map under that stripe's read lock. */
  protected reading<T>(stripe: number, body: (map: SharedHashMap) => T): T {
    const lock = this.locks[stripe]!;
    lock.rlock();
    try {
      return body(this.maps[stripe]!);
    } finally {
      lock.runlock();
    }
  }

  /** Runs `body` on one stripe's map under that stripe's write lock. */
  protected writing<T>(stripe: number, body: (map: SharedHashMap) => T): T {
    const lock = this.locks[stripe]!;
    lock.lock();
    try {
      return body(this.maps[stripe]!);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Holds all read locks at once, taken in stripe order. One stripe at a time would sum
   * counts from different instants: an entry moving between stripes is counted twice or not
   * at all. Writers hold one stripe at a time, so the fixed order cannot deadlock.
   */
  private readingAll<T>(read: () => T): T {
    let held = 0;
    try {
      for (; held < this.locks.length; held++) this.locks[held]!.rlock();
      return read();
    } finally {
      while (held > 0) this.locks[--held]!.runlock();
    }
  }
}
