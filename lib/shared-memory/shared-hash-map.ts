// An open-addressing hash map of int32 keys to int32 values in a SharedArrayBuffer, so
// every worker thread sees the same map. Like a Go map it is NOT safe for concurrent
// writers: it uses plain reads and writes, and a writer racing another corrupts it
// (lost keys, a torn size). Not part of any exercise: katas 02–05 build on it.

const EMPTY = 0;
const FULL = 1;
const DELETED = 2;

/** Header words, before the slot arrays. */
export const HEADER = {
  size: 0,
  capacity: 1,
  /** Free for a best-effort concurrent-write detector (kata 02). */
  writing: 2,
  reserved: 3,
} as const;
const HEADER_WORDS = 4;

export const DEFAULT_CAPACITY = 1 << 17;

export class SharedHashMap {
  readonly buffer: SharedArrayBuffer;
  /** This map's part of `buffer`: header, keys, values and slot states, plain Int32 words. */
  readonly words: Int32Array;
  readonly capacity: number;
  private readonly mask: number;
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly states: Int32Array;

  /** A new empty map; `capacity` must be a power of two. */
  static create(capacity = DEFAULT_CAPACITY): SharedHashMap {
    return SharedHashMap.createIn(
      new SharedArrayBuffer(SharedHashMap.bytesFor(capacity)),
      0,
      capacity,
    );
  }

  /** Bytes that a map of `capacity` slots occupies: to lay out several maps in one buffer. */
  static bytesFor(capacity: number): number {
    if (!Number.isInteger(capacity) || capacity < 2 || (capacity & (capacity - 1)) !== 0) {
      throw new RangeError(`capacity must be a power of two ≥ 2; got ${capacity}`);
    }
    return (HEADER_WORDS + 3 * capacity) * 4;
  }

  /** A new empty map in zeroed memory of `buffer`, from `byteOffset` (a multiple of 4). */
  static createIn(buffer: SharedArrayBuffer, byteOffset: number, capacity: number): SharedHashMap {
    new Int32Array(buffer, byteOffset, SharedHashMap.bytesFor(capacity) / 4)[HEADER.capacity] =
      capacity;
    return new SharedHashMap(buffer, byteOffset);
  }

  /** The same map, seen from another worker. */
  static from(buffer: SharedArrayBuffer, byteOffset = 0): SharedHashMap {
    return new SharedHashMap(buffer, byteOffset);
  }

  private constructor(buffer: SharedArrayBuffer, byteOffset: number) {
    this.buffer = buffer;
    this.capacity = new Int32Array(buffer, byteOffset, HEADER_WORDS)[HEADER.capacity]!;
    this.words = new Int32Array(buffer, byteOffset, HEADER_WORDS + 3 * this.capacity);
    this.mask = this.capacity - 1;
    const slots = (first: number) =>
      new Int32Array(
        buffer,
        byteOffset + (HEADER_WORDS + first * this.capacity) * 4,
        this.capacity,
      );
    this.keys = slots(0);
    this.values = slots(1);
    this.states = slots(2);
  }

  /** Fibonacci hashing spreads consecutive keys over the table. */
  slotOf(key: number): number {
    return (Math.imul(key | 0, 0x9e3779b1) >>> 0) & this.mask;
  }

  get size(): number {
    return this.words[HEADER.size]!;
  }

  get(key: number): number | undefined {
    const slot = this.find(key);
    return slot < 0 ? undefined : this.values[slot];
  }

  has(key: number): boolean {
    return this.find(key) >= 0;
  }

  set(key: number, value: number): void {
    let slot = this.slotOf(key);
    let reusable = -1;
    for (let probes = 0; probes < this.capacity; probes++) {
      const state = this.states[slot]!;
      if (state === FULL && this.keys[slot] === key) {
        this.values[slot] = value;
        return;
      }
      if (state === DELETED && reusable < 0) reusable = slot;
      if (state === EMPTY) {
        this.occupy(reusable >= 0 ? reusable : slot, key, value);
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    if (reusable < 0) throw new RangeError(`shared map is full (capacity ${this.capacity})`);
    this.occupy(reusable, key, value);
  }

  delete(key: number): boolean {
    const slot = this.find(key);
    if (slot < 0) return false;
    this.states[slot] = DELETED;
    this.words[HEADER.size]!--;
    return true;
  }

  *entries(): IterableIterator<[number, number]> {
    for (let slot = 0; slot < this.capacity; slot++) {
      if (this.states[slot] === FULL) yield [this.keys[slot]!, this.values[slot]!];
    }
  }

  clear(): void {
    this.states.fill(EMPTY);
    this.words[HEADER.size] = 0;
  }

  private occupy(slot: number, key: number, value: number): void {
    this.keys[slot] = key;
    this.values[slot] = value;
    this.states[slot] = FULL;
    this.words[HEADER.size]!++;
  }

  private find(key: number): number {
    let slot = this.slotOf(key);
    for (let probes = 0; probes < this.capacity; probes++) {
      const state = this.states[slot]!;
      if (state === EMPTY) return -1;
      if (state === FULL && this.keys[slot] === key) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}

export interface MapAudit {
  /** What the map's size word says. */
  size: number;
  /** Occupied slots actually found. */
  slotsUsed: number;
  /** Expected keys that no slot holds. */
  missing: number;
  /** Keys held by more than one slot. */
  duplicates: number;
  /** Occupied slots holding a key that was never expected. */
  unexpected: number;
  clean: boolean;
}

/** Checks the map against the keys that should be in it: the evidence of corruption. */
/** What `audit` reads: a SharedHashMap, or a map built from several (kata 05). */
export interface AuditableMap {
  readonly size: number;
  entries(): Iterable<[number, number]>;
}

export function audit(map: AuditableMap, expectedKeys: Iterable<number>): MapAudit {
  const expected = new Set(expectedKeys);
  const seen = new Map<number, number>();
  for (const [key] of map.entries()) seen.set(key, (seen.get(key) ?? 0) + 1);
  let slotsUsed = 0;
  let duplicates = 0;
  let unexpected = 0;
  for (const [key, copies] of seen) {
    slotsUsed += copies;
    if (copies > 1) duplicates++;
    if (!expected.has(key)) unexpected++;
  }
  let missing = 0;
  for (const key of expected) if (!seen.has(key)) missing++;
  const size = map.size;
  const clean =
    missing === 0 &&
    duplicates === 0 &&
    unexpected === 0 &&
    size === expected.size &&
    slotsUsed === expected.size;
  return { size, slotsUsed, missing, duplicates, unexpected, clean };
}
