// Wrong: the flag is checked only before the write. Two writers that both read it before
// either raised it write together, and nothing notices: the check after the write is the
// one that catches them.
// Rejected by: detector.test.ts
import { ConcurrentMapWritesError } from '../../../lib/shared-memory/concurrent-map-writes.ts';
import { HEADER } from '../../../lib/shared-memory/shared-hash-map.ts';
import { CheckedMap as Reference } from '../../../solutions/02-map-writes/checked-map.ts';

export { ConcurrentMapWritesError } from '../../../lib/shared-memory/concurrent-map-writes.ts';

export class CheckedMap extends Reference {
  override set(key: number, value: number): void {
    this.writeOnce(() => this.map.set(key, value));
  }

  override delete(key: number): boolean {
    return this.writeOnce(() => this.map.delete(key));
  }

  private writeOnce<T>(body: () => T): T {
    if (Atomics.load(this.map.words, HEADER.writing) !== 0) throw new ConcurrentMapWritesError();
    Atomics.store(this.map.words, HEADER.writing, 1);
    const result = body();
    Atomics.store(this.map.words, HEADER.writing, 0);
    return result;
  }
}
