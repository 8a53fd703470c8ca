// Wrong: the flag goes up at the start of a write and never comes down, so the second write
// of a lone writer already "detects" a concurrent one. A detector that cries wolf.
// Rejected by: detector.test.ts
import { ConcurrentMapWritesError } from '../../../lib/shared-memory/concurrent-map-writes.ts';
import { HEADER } from '../../../lib/shared-memory/shared-hash-map.ts';
import { CheckedMap as Reference } from '../../../solutions/02-map-writes/checked-map.ts';

export { ConcurrentMapWritesError } from '../../../lib/shared-memory/concurrent-map-writes.ts';

export class CheckedMap extends Reference {
  override set(key: number, value: number): void {
    this.raise();
    this.map.set(key, value);
  }

  override delete(key: number): boolean {
    this.raise();
    return this.map.delete(key);
  }

  private raise(): void {
    if (Atomics.load(this.map.words, HEADER.writing) !== 0) throw new ConcurrentMapWritesError();
    Atomics.store(this.map.words, HEADER.writing, 1);
  }
}
