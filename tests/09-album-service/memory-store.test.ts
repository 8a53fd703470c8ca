import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import { describe, expect, it } from 'vitest';
import { albumNumber, expectDistinctIds, within } from './albums.ts';
import { albumStoreContract } from './store-contract.ts';

describe('MemoryAlbumStore', () => {
  albumStoreContract(async () => new MemoryAlbumStore());

  it('a failed write stores nothing and does not hold up the next create', async () => {
    let writes = 0;
    const store = new MemoryAlbumStore({
      persist: async () => {
        if (++writes === 1) throw new Error('disk full');
      },
    });
    await expect(store.create(albumNumber(1))).rejects.toThrow('disk full');
    const next = await within(
      2_000,
      store.create(albumNumber(2)),
      'the create after a failed one did not finish within 2,000 ms: ' +
        'is a lock still held by the create that threw?',
    );
    expect(await store.get(next.id)).toEqual(next);
    expect(await store.count(), 'the failed album must not be stored').toBe(4);
  });

  it('creates that fail among concurrent creates never make an id be handed out twice', async () => {
    // Every third write fails, while the others are in flight.
    let writes = 0;
    const store = new MemoryAlbumStore({
      persist: () =>
        new Promise((resolve, reject) => {
          const failing = ++writes % 3 === 0;
          setTimeout(() => (failing ? reject(new Error('disk full')) : resolve()), writes % 5);
        }),
    });
    const results = await within(
      2_000,
      Promise.allSettled(Array.from({ length: 60 }, (_, i) => store.create(albumNumber(i + 1)))),
      '60 creates, every third one failing, did not all settle within 2,000 ms: ' +
        'is a lock still held by a create that threw?',
    );
    const created = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(created, 'two thirds of the creates succeed').toHaveLength(40);
    const later = await within(
      2_000,
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.create(albumNumber(100 + i)).catch(() => undefined),
        ),
      ),
      'the creates after the failing ones did not finish within 2,000 ms: ' +
        'is a lock still held by a create that threw?',
    );
    const all = [...created, ...later.filter((album) => album !== undefined)];
    expectDistinctIds(
      all.map((album) => album.id),
      'creates, some of them failing,',
    );
    for (const album of all) expect(await store.get(album.id), `album ${album.id}`).toEqual(album);
    expect(await store.count(), 'the seeds and every successful create').toBe(3 + all.length);
  });
});
