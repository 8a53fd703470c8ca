// Wrong: stripeOf shifts the hash right by 32 − log2(stripes), which is right for 16 stripes
// and for any count but one. With one stripe it shifts by 32, and JavaScript takes shift counts
// modulo 32: the whole hash comes back as the stripe number.
// Rejected by: striped-map.options.test.ts
import { StripedMap as Reference } from '../../../solutions/05-concurrent-map/striped-map.ts';

export type { StripedMapOptions } from '../../../solutions/05-concurrent-map/striped-map.ts';

export class StripedMap extends Reference {
  override stripeOf(key: number): number {
    return (Math.imul(key | 0, 0x9e3779b1) >>> 0) >>> (32 - Math.log2(this.stripeCount));
  }
}
