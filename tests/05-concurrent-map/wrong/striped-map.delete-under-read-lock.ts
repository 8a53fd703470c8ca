// Wrong: delete takes the stripe's read lock, as get does ("it only looks the key up, then
// marks a slot"). But marking the slot and lowering the count are writes: a get, or another
// delete, runs inside the same stripe at the same time.
// Rejected by: striped-map.threads.test.ts
import { StripedMap as Reference } from '../../../solutions/05-concurrent-map/striped-map.ts';

export type { StripedMapOptions } from '../../../solutions/05-concurrent-map/striped-map.ts';

export class StripedMap extends Reference {
  override delete(key: number): boolean {
    return this.reading(this.stripeOf(key), (map) => map.delete(key));
  }
}
