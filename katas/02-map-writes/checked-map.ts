// Experiment B: fifty goroutines writing one Go map end in `fatal error: concurrent map
// writes`. As it stands, CheckedMap passes every write straight to the shared map, which
// is as unguarded as that Go map: writers in other threads corrupt it, and nobody notices.
//
// Add Go's best-effort detector. The map's header word `HEADER.writing` (in `map.words`,
// shared by every thread) is 0 while no write is in progress. A write checks it before it
// starts, raises it, writes, checks it again at the end, and lowers it. Either check that
// finds another writer throws `new ConcurrentMapWritesError()`.
import type { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';

export { ConcurrentMapWritesError } from '../../lib/shared-memory/concurrent-map-writes.ts';

export class CheckedMap {
  constructor(readonly map: SharedHashMap) {}

  get size(): number {
    return this.map.size;
  }

  get(key: number): number | undefined {
    return this.map.get(key);
  }

  /** A write: detect another writer before and after it. */
  set(key: number, value: number): void {
    this.map.set(key, value);
  }

  /** A write too. */
  delete(key: number): boolean {
    return this.map.delete(key);
  }
}
