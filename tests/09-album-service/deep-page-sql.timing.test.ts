// The shape of GET /albums?after=<id> on the SQL stores: OFFSET makes PostgreSQL walk every
// row before the page (at offset 99,900 the SQL stores took 10–13× the first page); `id >
// after` seeks through the primary key. The last page of 30,000 albums against the last page
// of 200, on PGlite and PostgreSQL.
import { SqlAlbumStore } from '@target/09-album-service/sql-store';
import { describe, it, onTestFinished } from 'vitest';
import type { AlbumStore } from '../../lib/album/album-store.ts';
import { createAlbumTable, dropAlbumTable } from '../../lib/album/album-table.ts';
import { seedSqlAlbums } from './albums.ts';
import { connectFor, sqlBackends, uniqueTable } from './backends.ts';
import { expectFlat, MAX_RATIO, SMALL } from './deep-page.ts';

const LARGE = 30_000;

for (const backend of sqlBackends) {
  describe(`GET /albums?after= on ${backend.name}`, () => {
    const client = connectFor(backend);

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
