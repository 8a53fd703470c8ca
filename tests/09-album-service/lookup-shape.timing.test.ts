// The shape of GET /albums/:id: with an index, a lookup costs the same for 100 albums and
// for 100,000. Measured on the store (the HTTP round trip would hide a scan of 100,000).
import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../lib/random.ts';
import { alternatingMedians } from '../support/measure.ts';
import { manyAlbums } from './albums.ts';

const SAMPLES = 21;
const LOOKUPS_PER_SAMPLE = 20;
const MAX_RATIO = 5;

/**
 * Looks up the same 100 ids, evenly spread over the store, in a seeded order: a scan pays
 * for its position, an index does not, and the caches see the same small working set at
 * both sizes. One sample times a batch of lookups, so the timer's own cost does not dominate.
 */
async function lookupSampler(albums: number): Promise<() => Promise<number>> {
  const store = new MemoryAlbumStore({ albums: manyAlbums(albums) });
  const random = seededRandom(albums);
  const spread = Array.from({ length: 100 }, (_, i) => 1 + Math.floor(((i + 0.5) * albums) / 100));
  return async () => {
    const ids = Array.from(
      { length: LOOKUPS_PER_SAMPLE },
      () => spread[Math.floor(random() * 100)]!,
    );
    const started = performance.now();
    for (const id of ids) {
      const album = await store.get(id);
      if (album?.id !== id) throw new Error(`get(${id}) returned ${JSON.stringify(album)}`);
    }
    return (performance.now() - started) / LOOKUPS_PER_SAMPLE;
  };
}

describe('GET /albums/:id does not slow down as the collection grows', () => {
  it(`median lookup with 100,000 albums is within ${MAX_RATIO}× that with 100`, async () => {
    const [small, large] = await alternatingMedians(
      await lookupSampler(100),
      await lookupSampler(100_000),
      SAMPLES,
    );
    const ratio = large / Math.max(small, 1e-4);
    console.log(
      `lookup median: ${(small * 1000).toFixed(2)} µs with 100 albums, ${(large * 1000).toFixed(2)} µs with 100,000 (${ratio.toFixed(2)}×)`,
    );
    expect(
      ratio,
      `a lookup took ${ratio.toFixed(1)}× longer with 100,000 albums ` +
        `(median ${(large * 1000).toFixed(1)} µs) than with 100 (${(small * 1000).toFixed(1)} µs): ` +
        'the store scans the albums (O(n)) instead of indexing them by id',
    ).toBeLessThanOrEqual(MAX_RATIO);
  });
});
