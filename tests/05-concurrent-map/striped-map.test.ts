// StripedMap in one thread: a Map's semantics, keys spread over every stripe, and the same
// map seen through a second view built from its buffer (as another worker would).
import { StripedMap } from '@target/05-concurrent-map/striped-map';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../lib/random.ts';

describe('StripedMap (one thread)', () => {
  it('agrees with a Map over 20,000 seeded random set/delete/get operations', () => {
    const map = StripedMap.create();
    const model = new Map<number, number>();
    const random = seededRandom(5);
    const disagreements: string[] = [];
    for (let op = 0; op < 20_000; op++) {
      const key = Math.floor(random() * 2_000) - 1_000;
      const dice = random();
      if (dice < 0.45) {
        map.set(key, op);
        model.set(key, op);
      } else if (dice < 0.7) {
        const [deleted, expected] = [map.delete(key), model.delete(key)];
        if (deleted !== expected) disagreements.push(`delete(${key}) returned ${deleted}`);
      } else {
        const [value, expected] = [map.get(key), model.get(key)];
        if (value !== expected)
          disagreements.push(`get(${key}) returned ${value}, not ${expected}`);
      }
    }
    expect(disagreements.slice(0, 3), `${disagreements.length} results differ from a Map`).toEqual(
      [],
    );
    expect(map.size).toBe(model.size);
    expect(map.entries().sort(([a], [b]) => a - b)).toEqual([...model].sort(([a], [b]) => a - b));
  });

  it('spreads consecutive keys evenly over all 16 stripes', () => {
    const map = StripedMap.create({ stripes: 16 });
    const perStripe = new Array<number>(16).fill(0);
    for (let key = 0; key < 16_000; key++) {
      const stripe = map.stripeOf(key);
      if (!(stripe >= 0 && stripe < 16)) throw new Error(`stripeOf(${key}) = ${stripe}`);
      perStripe[stripe]!++;
    }
    const used = perStripe.filter((keys) => keys > 0).length;
    expect(
      used,
      `16,000 keys fell into ${used} of 16 stripes: one lock serializes the whole map`,
    ).toBe(16);
    expect(Math.min(...perStripe), `keys per stripe: ${perStripe.join(', ')}`).toBeGreaterThan(500);
    expect(Math.max(...perStripe), `keys per stripe: ${perStripe.join(', ')}`).toBeLessThan(1_500);
  });

  it('is the same map when rebuilt from its buffer', () => {
    const map = StripedMap.create();
    map.set(1, 10);
    const view = StripedMap.from(map.buffer);
    view.set(2, 20);
    expect(
      [view.get(1), map.get(2), map.size, view.size],
      'view.get(1), map.get(2), map.size, view.size: a map rebuilt from the buffer must find ' +
        'every key where the other put it (same hash, same stripe, same slots)',
    ).toEqual([10, 20, 2, 2]);
    expect(view.delete(1), 'the rebuilt view must find key 1 to delete it').toBe(true);
    expect(map.entries(), 'a delete through one view must show in the other').toEqual([[2, 20]]);
  });
});
