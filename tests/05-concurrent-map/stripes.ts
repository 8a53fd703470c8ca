import type { StripedMap } from '@target/05-concurrent-map/striped-map';

/** The first `count` keys, from 1 up, that `map` puts in `stripe`. */
export function keysInStripe(map: StripedMap, stripe: number, count: number): number[] {
  const keys: number[] = [];
  for (let key = 1; keys.length < count && key < 1_000_000; key++) {
    if (map.stripeOf(key) === stripe) keys.push(key);
  }
  if (keys.length < count) {
    throw new Error(
      `no key of 1..1,000,000 lands in stripe ${stripe} of ${map.stripeCount}: ` +
        'one lock serializes the whole map',
    );
  }
  return keys;
}
