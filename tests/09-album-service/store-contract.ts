// What every AlbumStore promises, run against memory, PGlite and PostgreSQL alike.
// Each spec opens a fresh store holding the three course albums.
import { expect, it } from 'vitest';
import { type AlbumStore, SEED_ALBUMS } from '../../lib/album/album-store.ts';
import { albumNumber, expectAllCreated, expectDistinctIds, sameAlbum } from './albums.ts';

export const CONCURRENT_CREATES = 500;

const seeded = SEED_ALBUMS.map((album, i) => ({ id: i + 1, ...album }));

export function albumStoreContract(openStore: () => Promise<AlbumStore>): void {
  it('starts with the three albums of the course, ids 1 to 3', async () => {
    const store = await openStore();
    expect(await store.list()).toEqual(seeded);
    expect(await store.count()).toBe(3);
  });

  it('finds an album by id, and nothing for an unknown id', async () => {
    const store = await openStore();
    expect(await store.get(2)).toEqual(seeded[1]);
    expect(await store.get(4)).toBeUndefined();
  });

  it('serves a page of the albums, oldest first', async () => {
    const store = await openStore();
    expect(await store.list({ offset: 1, limit: 1 })).toEqual([seeded[1]]);
    expect(await store.list({ offset: 1, limit: 10 })).toEqual(seeded.slice(1));
    expect(await store.list({ offset: 3, limit: 10 })).toEqual([]);
  });

  it('serves a page after an id (keyset), then skips an offset within it', async () => {
    const store = await openStore();
    expect(
      await store.list({ after: 1, limit: 1 }),
      'list({ after: 1, limit: 1 }) is the one album after id 1 (keyset paging)',
    ).toEqual([seeded[1]]);
    expect(await store.list({ after: 1, limit: 10 })).toEqual(seeded.slice(1));
    expect(await store.list({ after: 1, offset: 1, limit: 10 })).toEqual([seeded[2]]);
    expect(await store.list({ after: 3, limit: 10 })).toEqual([]);
    expect(await store.list({ after: 0, limit: 2 })).toEqual(seeded.slice(0, 2));
  });

  it('stores a new album under the next id', async () => {
    const store = await openStore();
    const created = await store.create(albumNumber(1));
    expect(created).toEqual({ id: 4, ...albumNumber(1) });
    expect(await store.get(4)).toEqual(created);
    expect(await store.count()).toBe(4);
  });

  it(`gives ${CONCURRENT_CREATES} concurrent creates ${CONCURRENT_CREATES} distinct ids, and stores every album`, async () => {
    const store = await openStore();
    const created = await expectAllCreated(
      Array.from({ length: CONCURRENT_CREATES }, (_, i) => store.create(albumNumber(i + 1))),
    );
    expectDistinctIds(created.map((album) => album.id));
    expect(await store.count(), 'albums stored').toBe(CONCURRENT_CREATES + 3);
    // Every album is listed as created, and a sample is found by id (a full pass of
    // 500 lookups costs seconds on PGlite).
    const listed = new Map((await store.list()).map((album) => [album.id, album]));
    const lost = created.filter((album) => !sameAlbum(listed.get(album.id), album));
    expect(lost.length, `${lost.length} created albums are not stored as created`).toBe(0);
    for (const album of created.filter((_, i) => i % 25 === 0)) {
      expect(await store.get(album.id), `album ${album.id} by id`).toEqual(album);
    }
  });
}
