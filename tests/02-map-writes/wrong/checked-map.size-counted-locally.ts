// Wrong: the detector counts the entries itself, in a field of this object. Each thread has
// its own CheckedMap, so the count misses the other threads' writes; and it counts an
// overwrite as a new key.
// Rejected by: detector.test.ts
import { CheckedMap as Reference } from '../../../solutions/02-map-writes/checked-map.ts';

export { ConcurrentMapWritesError } from '../../../solutions/02-map-writes/checked-map.ts';

export class CheckedMap extends Reference {
  private count = 0;

  override get size(): number {
    return this.count;
  }

  override set(key: number, value: number): void {
    super.set(key, value);
    this.count++;
  }

  override delete(key: number): boolean {
    const deleted = super.delete(key);
    if (deleted) this.count--;
    return deleted;
  }
}
