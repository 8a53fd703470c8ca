// Wrong: the flag is checked only before the write. Two writers that both read it before
// either raised it write together, and nothing notices: the check after the write is the
// one that catches them.
import { ConcurrentMapWritesError } from '../../../lib/concurrent-map-writes.ts';
import { HEADER, type SharedHashMap } from '../../../lib/shared-hash-map.ts';

export { ConcurrentMapWritesError } from '../../../lib/concurrent-map-writes.ts';

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
    if (Atomics.load(this.map.words, HEADER.writing) !== 0) throw new ConcurrentMapWritesError();
    Atomics.store(this.map.words, HEADER.writing, 1);
    const result = body();
    Atomics.store(this.map.words, HEADER.writing, 0);
    return result;
  }
}
