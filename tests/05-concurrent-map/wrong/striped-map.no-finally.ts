// Wrong: lock, write, unlock, with no try/finally. When the stripe is full, set throws
// between the lock and the unlock, and the stripe's write lock is never released: every later
// get, set, delete, size or entries that touches it waits forever.
// Rejected by: striped-map.options.test.ts
import type { SharedHashMap } from '../../../lib/shared-memory/shared-hash-map.ts';
import { StripedMap as Reference } from '../../../solutions/05-concurrent-map/striped-map.ts';

export type { StripedMapOptions } from '../../../solutions/05-concurrent-map/striped-map.ts';

export class StripedMap extends Reference {
  protected override writing<T>(stripe: number, body: (map: SharedHashMap) => T): T {
    const lock = this.locks[stripe]!;
    lock.lock();
    const result = body(this.maps[stripe]!);
    lock.unlock();
    return result;
  }
}
