// Wrong: `get` picks the stripe from the LOW bits of the hash, `set` from the top bits. A key
// is written to one stripe and looked for in another, so most reads come back empty.
// Rejected by: striped-map.test.ts
import { StripedMap as Reference } from '../../../solutions/05-concurrent-map/striped-map.ts';

export type { StripedMapOptions } from '../../../solutions/05-concurrent-map/striped-map.ts';

export class StripedMap extends Reference {
  override get(key: number): number | undefined {
    const stripe = (Math.imul(key | 0, 0x9e3779b1) >>> 0) & (this.stripeCount - 1);
    return this.reading(stripe, (map) => map.get(key));
  }
}
