// Wrong: sixteen stripes, one lock. Every operation takes stripe 0's lock, whatever stripe
// its key is in: correct, and exactly as serial as experiment C's map behind one mutex.
// Rejected by: striped-map.threads.test.ts
import type { SharedHashMap } from '../../../lib/shared-memory/shared-hash-map.ts';
import { StripedMap as Reference } from '../../../solutions/05-concurrent-map/striped-map.ts';

export type { StripedMapOptions } from '../../../solutions/05-concurrent-map/striped-map.ts';

export class StripedMap extends Reference {
  protected override reading<T>(stripe: number, body: (map: SharedHashMap) => T): T {
    return super.reading(0, () => body(this.maps[stripe]!));
  }

  protected override writing<T>(stripe: number, body: (map: SharedHashMap) => T): T {
    return super.writing(0, () => body(this.maps[stripe]!));
  }
}
