// Go's best-effort detection of concurrent map writes (the runtime's `hashWriting` flag):
// a flag in the map's shared header, checked before a write, raised for its duration, and
// checked again at the end. Two writers that overlap trip one of the checks, unless both
// pass the first check before either raises the flag and both pass the second before either
// lowers it. Best effort, not a lock.
import { ConcurrentMapWritesError } from '../../lib/shared-memory/concurrent-map-writes.ts';
import { HEADER, type SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';

export { ConcurrentMapWritesError } from '../../lib/shared-memory/concurrent-map-writes.ts';

const IDLE = 0;
const WRITING = 1;

export class CheckedMap {
  protected readonly words: Int32Array;

  constructor(readonly map: SharedHashMap) {
    this.words = map.words;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: number): number | undefined {
    return this.map.get(key);
  }

  set(key: number, value: number): void {
    this.write(() => this.map.set(key, value));
  }

  delete(key: number): boolean {
    return this.write(() => this.map.delete(key));
  }

  protected write<T>(body: () => T): T {
    // Before: someone is mid-write. Go checks here, then raises the flag.
    if (Atomics.load(this.words, HEADER.writing) !== IDLE) throw new ConcurrentMapWritesError();
    Atomics.store(this.words, HEADER.writing, WRITING);
    let result: T;
    try {
      result = body();
    } catch (error) {
      // A failed write (a full map) is no concurrent write: leave the flag down.
      Atomics.store(this.words, HEADER.writing, IDLE);
      throw error;
    }
    // After: a writer that started with us has finished and lowered the flag under us.
    if (Atomics.load(this.words, HEADER.writing) !== WRITING) throw new ConcurrentMapWritesError();
    Atomics.store(this.words, HEADER.writing, IDLE);
    return result;
  }
}
