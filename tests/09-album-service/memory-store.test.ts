import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { BOUNDED_WAIT_MS, settlesWithin } from '../support/bounded.ts';
import { albumNumber, expectDistinctIds } from './albums.ts';
import { albumStoreContract } from './store-contract.ts';

const LOCK_STILL_HELD = 'Is a lock still held by a create that threw?';

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
    const next = await settlesWithin(
      store.create(albumNumber(2)),
      'the create after a failed one',
      BOUNDED_WAIT_MS,
      LOCK_STILL_HELD,
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
    const results = await settlesWithin(
      Promise.allSettled(Array.from({ length: 60 }, (_, i) => store.create(albumNumber(i + 1)))),
      '60 creates, every third one failing,',
      BOUNDED_WAIT_MS,
      LOCK_STILL_HELD,
    );
    const created = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(created, 'two thirds of the creates succeed').toHaveLength(40);
    const later = await settlesWithin(
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          store.create(albumNumber(100 + i)).catch(() => undefined),
        ),
      ),
      'the creates after the failing ones',
      BOUNDED_WAIT_MS,
      LOCK_STILL_HELD,
    );
    const all = [...created, ...later.filter((album) => album !== undefined)];
    expectDistinctIds(
      all.map((album) => album.id),
      'creates, some of them failing,',
    );
    for (const album of all) expect(await store.get(album.id), `album ${album.id}`).toEqual(album);
    expect(await store.count(), 'the seeds and every successful create').toBe(3 + all.length);
  });

  it('lists and pages in id order even when the writes finish in reverse order', async () => {
    const inFlight: Array<() => void> = [];
    const store = new MemoryAlbumStore({
      albums: [],
      persist: () => new Promise<void>((resolve) => inFlight.push(resolve)),
    });
    let settled = false;
    const creates = Promise.all([1, 2, 3].map((n) => store.create(albumNumber(n)))).finally(() => {
      settled = true;
    });
    // The writes in flight end newest first (album 3's before album 1's when all three are);
    // a store that writes one album at a time gets its next write finished on the next round.
    for (let round = 0; !settled && round < 100; round++) {
      for (const finish of inFlight.splice(0).reverse()) finish();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await settlesWithin(creates, 'three creates whose writes end newest first');
    expect(
      (await store.list()).map((album) => album.id),
      'the albums are listed in the order their writes finished, not by id',
    ).toEqual([1, 2, 3]);
    expect((await store.list({ after: 1, limit: 10 })).map((album) => album.id)).toEqual([2, 3]);
  });

  it('persistDelayMs: each create waits that long for its simulated write', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const store = new MemoryAlbumStore({ persistDelayMs: 50 });
    let done = false;
    const create = store.create(albumNumber(1)).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(49);
    // Real turns of the event loop: a write that only yields once is over by now.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(done, 'the create finished before its 50 ms write (49 ms in)').toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await settlesWithin(create, 'the create once its 50 ms write is over');
    expect(await store.count()).toBe(4);
  });
});
