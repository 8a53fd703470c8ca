// The memory of a lock-striped map (kata 05): N stripes, each a lock and a SharedHashMap,
// all in one SharedArrayBuffer, so that any worker rebuilds the whole map from the buffer.
// Layout: a header, then one lock slot per stripe (padded to a 64-byte cache line, so that
// two stripes' locks never share a line), then the stripes' maps.
import { SharedHashMap } from './shared-hash-map.ts';

const HEADER_WORDS = 4;
const STRIPES = 0;
const CAPACITY = 1;
const LOCK_STRIDE = 2;
const CACHE_LINE_WORDS = 16;

export interface StripeMemory {
  /** Word index of this stripe's lock in the buffer: `new SomeLock(buffer, lockIndex)`. */
  lockIndex: number;
  map: SharedHashMap;
}

/** A zeroed buffer for `stripes` stripes, each with `lockWords` lock words and a map. */
export function createStripedBuffer(
  stripes: number,
  capacityPerStripe: number,
  lockWords: number,
): SharedArrayBuffer {
  if (!Number.isInteger(stripes) || stripes < 1) {
    throw new RangeError(`a striped map needs at least 1 stripe; got ${stripes}`);
  }
  const lockStride = Math.ceil(lockWords / CACHE_LINE_WORDS) * CACHE_LINE_WORDS;
  const mapsAt = (HEADER_WORDS + stripes * lockStride) * 4;
  const mapBytes = SharedHashMap.bytesFor(capacityPerStripe);
  const buffer = new SharedArrayBuffer(mapsAt + stripes * mapBytes);
  const header = new Int32Array(buffer, 0, HEADER_WORDS);
  header[STRIPES] = stripes;
  header[CAPACITY] = capacityPerStripe;
  header[LOCK_STRIDE] = lockStride;
  for (let i = 0; i < stripes; i++)
    SharedHashMap.createIn(buffer, mapsAt + i * mapBytes, capacityPerStripe);
  return buffer;
}

/** The stripes of a buffer made by `createStripedBuffer`, seen from this thread. */
export function openStripes(buffer: SharedArrayBuffer): StripeMemory[] {
  const header = new Int32Array(buffer, 0, HEADER_WORDS);
  const stripes = header[STRIPES]!;
  const lockStride = header[LOCK_STRIDE]!;
  const mapsAt = (HEADER_WORDS + stripes * lockStride) * 4;
  const mapBytes = SharedHashMap.bytesFor(header[CAPACITY]!);
  return Array.from({ length: stripes }, (_, i) => ({
    lockIndex: HEADER_WORDS + i * lockStride,
    map: SharedHashMap.from(buffer, mapsAt + i * mapBytes),
  }));
}
