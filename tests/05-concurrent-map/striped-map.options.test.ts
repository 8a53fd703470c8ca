// Every option of StripedMap.create, varied: stripe counts other than 16 (one stripe
// included), a small capacity per stripe, and what happens when a stripe is full: the write
// throws, and every lock it took is free again.
import { StripedMap } from '@target/05-concurrent-map/striped-map';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../lib/random.ts';
import { withoutBlocking } from '../support/no-blocking.ts';
import { keysInStripe } from './stripes.ts';

/** Seeded set/delete/get against a Map; returns the first disagreements. */
function disagreementsWithMap(map: StripedMap, ops: number, seed: number): string[] {
  const model = new Map<number, number>();
  const random = seededRandom(seed);
  const wrong: string[] = [];
  for (let op = 0; op < ops; op++) {
    const key = Math.floor(random() * 600) - 300;
    const dice = random();
    if (dice < 0.45) {
      map.set(key, op);
      model.set(key, op);
    } else if (dice < 0.7) {
      const deleted = map.delete(key);
      if (deleted !== model.delete(key)) wrong.push(`delete(${key}) returned ${deleted}`);
    } else if (map.get(key) !== model.get(key)) {
      wrong.push(`get(${key}) returned ${map.get(key)}, not ${model.get(key)}`);
    }
  }
  if (map.size !== model.size) wrong.push(`size is ${map.size}, not ${model.size}`);
  const entries = map.entries().sort(([a], [b]) => a - b);
  const expected = [...model].sort(([a], [b]) => a - b);
  if (JSON.stringify(entries) !== JSON.stringify(expected)) wrong.push('entries differ');
  return wrong.slice(0, 3);
}

describe('stripe counts other than 16', () => {
  for (const stripes of [1, 2, 4, 64, 256]) {
    it(`${stripes} stripe${stripes === 1 ? '' : 's'}: every key in range, all used evenly, a Map's semantics`, () => {
      const map = StripedMap.create({ stripes, capacityPerStripe: 1024 });
      expect(
        map.stripeCount,
        `create({ stripes: ${stripes} }) made ${map.stripeCount} stripe(s): the option was ignored`,
      ).toBe(stripes);
      const perStripe = new Array<number>(stripes).fill(0);
      for (let key = -500 * stripes; key < 500 * stripes; key++) {
        const stripe = map.stripeOf(key);
        if (!(Number.isInteger(stripe) && stripe >= 0 && stripe < stripes)) {
          throw new Error(`stripeOf(${key}) = ${stripe}, but the stripes are 0 … ${stripes - 1}`);
        }
        perStripe[stripe]!++;
      }
      const [fewest, most] = [Math.min(...perStripe), Math.max(...perStripe)];
      expect(
        [fewest > 500, most < 1_500],
        `${1000 * stripes} consecutive keys over ${stripes} stripes: ${fewest} … ${most} per stripe`,
      ).toEqual([true, true]);
      expect(disagreementsWithMap(map, 3_000, stripes), `${stripes} stripes vs a Map`).toEqual([]);
      const view = StripedMap.from(map.buffer);
      expect([view.stripeCount, view.stripeOf(12_345), view.size]).toEqual([
        stripes,
        map.stripeOf(12_345),
        map.size,
      ]);
    });
  }

  it('a stripe count that is not a power of two is a RangeError', () => {
    for (const stripes of [0, 3, 12, 1.5, -4, Number.NaN]) {
      expect(() => StripedMap.create({ stripes }), `create({ stripes: ${stripes} })`).toThrow(
        expect.objectContaining({
          name: 'RangeError',
          message: expect.stringMatching(/power of two/),
        }),
      );
    }
  });
});

describe('a full stripe', () => {
  function fullStripe() {
    const map = StripedMap.create({ stripes: 4, capacityPerStripe: 8 });
    const [inFull, ninth] = [keysInStripe(map, 2, 9), keysInStripe(map, 3, 1)[0]!];
    for (const key of inFull.slice(0, 8)) map.set(key, key);
    map.set(ninth, -1);
    return { map, keys: inFull.slice(0, 8), overflow: inFull[8]!, elsewhere: ninth };
  }

  it('capacityPerStripe is per stripe: the 9th key of a stripe of 8 is a RangeError', () => {
    const { map, overflow } = fullStripe();
    expect(() => map.set(overflow, 1), 'set of a 9th key into a stripe of capacity 8').toThrow(
      RangeError,
    );
    expect(withoutBlocking('size after the failed set', () => map.size)).toBe(9);
  });

  it('after the failed set, every lock is free and the map works: the stripe lock was released', () => {
    const { map, keys, overflow, elsewhere } = fullStripe();
    expect(() => map.set(overflow, 1)).toThrow(RangeError);
    withoutBlocking('after set threw on a full stripe, the next operation', () => {
      expect(map.get(keys[0]!), 'get on the full stripe').toBe(keys[0]);
      map.set(keys[1]!, 111); // an existing key still fits
      expect(map.get(keys[1]!)).toBe(111);
      expect(map.size).toBe(9);
      expect(map.entries()).toHaveLength(9);
      expect(map.delete(keys[2]!)).toBe(true);
      map.set(overflow, 2); // room again
      expect([map.get(overflow), map.get(elsewhere), map.get(keys[2]!)]).toEqual([
        2,
        -1,
        undefined,
      ]);
      map.set(elsewhere, -2);
    });
  });
});
