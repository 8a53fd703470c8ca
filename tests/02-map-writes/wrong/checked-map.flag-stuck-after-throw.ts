// Wrong: no try around the write. A write that throws (a full map) leaves the flag raised,
// and every later write reports concurrent map writes that never happened.
// Rejected by: detector.test.ts
import { ConcurrentMapWritesError } from '../../../lib/shared-memory/concurrent-map-writes.ts';
import { HEADER } from '../../../lib/shared-memory/shared-hash-map.ts';
import { CheckedMap as Reference } from '../../../solutions/02-map-writes/checked-map.ts';

export { ConcurrentMapWritesError } from '../../../lib/shared-memory/concurrent-map-writes.ts';

export class CheckedMap extends Reference {
  protected override write<T>(body: () => T): T {
    if (Atomics.load(this.words, HEADER.writing) !== 0) throw new ConcurrentMapWritesError();
    Atomics.store(this.words, HEADER.writing, 1);
    const result = body();
    if (Atomics.load(this.words, HEADER.writing) !== 1) throw new ConcurrentMapWritesError();
    Atomics.store(this.words, HEADER.writing, 0);
    return result;
  }
}
