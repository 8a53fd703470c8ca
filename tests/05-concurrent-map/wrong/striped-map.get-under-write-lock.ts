// Wrong: get takes the stripe's write lock. Correct, and readers of one stripe wait for each
// other: the readers-writer lock under each stripe is used as a plain mutex.
// Rejected by: striped-map.threads.test.ts
import { StripedMap as Reference } from '../../../solutions/05-concurrent-map/striped-map.ts';

export type { StripedMapOptions } from '../../../solutions/05-concurrent-map/striped-map.ts';

export class StripedMap extends Reference {
  override get(key: number): number | undefined {
    return this.writing(this.stripeOf(key), (map) => map.get(key));
  }
}
