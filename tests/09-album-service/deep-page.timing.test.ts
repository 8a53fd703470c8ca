// The shape of GET /albums?after=<id>: a page deep in the collection costs what a page of a
// small collection does. OFFSET (or a scan for the first id above `after`) walks every album
// before the page: at offset 99,900 the SQL stores took 10–13× the first page. Measured on
// the stores, as the lookup-shape spec does, on memory, PGlite and PostgreSQL.
import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import { SqlAlbumStore } from '@target/09-album-service/sql-store';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AlbumStore } from '../../lib/album/album-store.ts';
import { createAlbumTable, dropAlbumTable } from '../../lib/album/album-table.ts';
import { manyAlbums, seedSqlAlbums } from './albums.ts';
import { connectFor, sqlBackends, uniqueTable } from './backends.ts';

const SMALL = 200;
const LIMIT = 100;
const SAMPLES = 15;
const MAX_RATIO = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

/** Times `pages` calls of the last page of `store` (n albums): ms per page. */
function pageSampler(store: AlbumStore, n: number, pages: number) {
  const after = n - LIMIT;
  return async () => {
    const started = performance.now();
    for (let i = 0; i < pages; i++) {
      const page = await store.list({ after, limit: LIMIT });
      if (page[0]?.id !== after + 1 || page.length !== LIMIT) {
        throw new Error(
          `list({ after: ${after}, limit: ${LIMIT} }) returned ids ${page[0]?.id}…${page.at(-1)?.id} (${page.length}), expected ${after + 1}…${n}`,
        );
      }
    }
    return (performance.now() - started) / pages;
  };
}

async function expectFlat(
  name: string,
  small: AlbumStore,
  large: AlbumStore,
  largeCount: number,
  pages: number,
) {
  const sampleSmall = pageSampler(small, SMALL, pages);
  const sampleLarge = pageSampler(large, largeCount, pages);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  // Alternate the two, so a burst of load from elsewhere hits both alike; two warm-up rounds.
  for (let round = -2; round < SAMPLES; round++) {
    const s = await sampleSmall();
    const l = await sampleLarge();
    if (round < 0) continue;
    smallTimes.push(s);
    largeTimes.push(l);
  }
  const ratio = median(largeTimes) / Math.max(median(smallTimes), 1e-4);
  const n = largeCount.toLocaleString('en-US');
  console.log(
    `${name}: page after ${(largeCount - LIMIT).toLocaleString('en-US')} of ${n}: ${median(largeTimes).toFixed(3)} ms; of ${SMALL}: ${median(smallTimes).toFixed(3)} ms (${ratio.toFixed(2)}×)`,
  );
  expect(
    ratio,
    `${name}: the last page of ${n} albums took ${ratio.toFixed(1)}× the last page of ${SMALL}: ` +
      'the store walks every album before the page (OFFSET, or a scan for the first id above ' +
      '`after`) instead of seeking to it by id',
  ).toBeLessThanOrEqual(MAX_RATIO);
}

describe('GET /albums?after= costs the same deep in the collection', () => {
  it(`memory store: last page of 100,000 albums within ${MAX_RATIO}× that of ${SMALL}`, async () => {
    const small = new MemoryAlbumStore({ albums: manyAlbums(SMALL) });
    const large = new MemoryAlbumStore({ albums: manyAlbums(100_000) });
    await expectFlat('memory', small, large, 100_000, 20);
  });

  for (const backend of sqlBackends) {
    describe(backend.name, () => {
      const client = connectFor(backend);
      const LARGE = 50_000;

      async function table(n: number): Promise<AlbumStore> {
        const options = { table: uniqueTable() };
        await createAlbumTable(client(), options, []);
        onTestFinished(() => dropAlbumTable(client(), options));
        await seedSqlAlbums(client(), options.table, n);
        return new SqlAlbumStore(client(), options);
      }

      it(`SqlAlbumStore: last page of ${LARGE.toLocaleString('en-US')} albums within ${MAX_RATIO}× that of ${SMALL}`, async () => {
        await expectFlat(backend.name, await table(SMALL), await table(LARGE), LARGE, 2);
      }, 60_000);
    });
  }
});
