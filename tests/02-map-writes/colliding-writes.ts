// A workload that makes the race show on every run, not once in a while. Every key of every
// writer has the same home slot (keys that agree modulo the capacity hash alike), and that
// slot starts a long run of tombstones left by earlier deletes. `set` remembers the first
// tombstone, scans on to the end of the run to be sure its key is not further along, and
// only then claims the tombstone. Two writers scanning at once pick the same tombstone, and
// one key overwrites the other. The keys themselves are disjoint: worker w owns its own.
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';

export const WRITERS = 4;
export const KEYS_PER_WRITER = 1_000;
const TOMBSTONES = 4_096;
const CAPACITY = 8_192;
const HOME = 7;

/** The keys writer `worker` inserts: disjoint between writers, one home slot for all. */
export function writerKeys(worker: number, count = KEYS_PER_WRITER): number[] {
  return Array.from({ length: count }, (_, i) => HOME + (i * WRITERS + worker + 1) * CAPACITY);
}

export function allWriterKeys(count = KEYS_PER_WRITER): number[] {
  return Array.from({ length: WRITERS }, (_, worker) => writerKeys(worker, count)).flat();
}

/** A map whose hot cluster is a run of tombstones: what a map that has seen deletes holds. */
export function mapWithTombstones(): SharedHashMap {
  const map = SharedHashMap.create(CAPACITY);
  const departed = Array.from({ length: TOMBSTONES }, (_, i) => HOME - (i + 1) * CAPACITY);
  for (const key of departed) map.set(key, 0);
  for (const key of departed) map.delete(key);
  return map;
}
