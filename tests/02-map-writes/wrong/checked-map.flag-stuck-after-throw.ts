// Wrong: no try around the write. A write that throws (a full map) leaves the flag raised,
// and every later write reports concurrent map writes that never happened.
// Rejected by: detector.test.ts
import { ConcurrentMapWritesError } from '../../../lib/shared-memory/concurrent-map-writes.ts';
import { HEADER, type SharedHashMap } from '../../../lib/shared-memory/shared-hash-map.ts';

export { ConcurrentMapWritesError } from '../../../lib/shared-memory/concurrent-map-writes.ts';

export class CheckedMap {
  constructor(readonly map: SharedHashMap) {}

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

  private write<T>(body: () => T): T {
    const words = this.map.words;
    if (Atomics.load(words, HEADER.writing) !== 0) throw new ConcurrentMapWritesError();
    Atomics.store(words, HEADER.writing, 1);
    const result = body();
    if (Atomics.load(words, HEADER.writing) !== 1) throw new ConcurrentMapWritesError();
    Atomics.store(words, HEADER.writing, 0);
    return result;
  }
}
