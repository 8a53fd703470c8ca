// The shape of GET /albums?after=<id> on the memory store: a page deep in the collection
// costs what a page of a small collection does. A scan for the first id above `after` (or
// slicing a filtered copy) walks every album before the page. Measured on the store, as the
// lookup-shape spec does.
import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import { describe, it } from 'vitest';
import { manyAlbums } from './albums.ts';
import { expectFlat, MAX_RATIO, SMALL } from './deep-page.ts';

describe('GET /albums?after= costs the same deep in the collection', () => {
  it(`memory store: last page of 100,000 albums within ${MAX_RATIO}× that of ${SMALL}`, async () => {
    const small = new MemoryAlbumStore({ albums: manyAlbums(SMALL) });
    const large = new MemoryAlbumStore({ albums: manyAlbums(100_000) });
    await expectFlat('memory', small, large, 100_000, 20);
  });
});
