import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import { describe, expect, it } from 'vitest';
import { albumNumber, within } from './albums.ts';
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
});
