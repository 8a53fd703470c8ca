// The same store contract on PGlite (always) and on a real PostgreSQL (when DATABASE_URL
// points at one; CI starts a server, see .ci/postgres.sh). One database client per backend
// for the whole file, one fresh table per spec.
import { SqlAlbumStore } from '@target/09-album-service/sql-store';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAlbumTable, dropAlbumTable } from '../../lib/album/album-table.ts';
import type { SqlClient } from '../../lib/album/sql-client.ts';
import { albumNumber, expectAllCreated, expectDistinctIds } from './albums.ts';
import { connectFor, sqlBackends, uniqueTable } from './backends.ts';
import { albumStoreContract, CONCURRENT_CREATES } from './store-contract.ts';

for (const backend of sqlBackends) {
  describe(`SqlAlbumStore on ${backend.name}`, () => {
    const client = connectFor(backend);

    /** A fresh seeded table, dropped when the spec ends. */
    async function openTable(): Promise<{ db: SqlClient; table: string }> {
      const db = client();
      const options = { table: uniqueTable() };
      await createAlbumTable(db, options);
      onTestFinished(() => dropAlbumTable(db, options));
      return { db, table: options.table };
    }

    albumStoreContract(async () => {
      const { db, table } = await openTable();
      return new SqlAlbumStore(db, { table });
    });

    it('two servers on one table: concurrent creates from both get distinct ids', async () => {
      // What a database gives you that an in-process lock cannot: a second process.
      const { db, table } = await openTable();
      const servers = [new SqlAlbumStore(db, { table }), new SqlAlbumStore(db, { table })];
      const created = await expectAllCreated(
        Array.from({ length: CONCURRENT_CREATES }, (_, i) =>
          servers[i % 2]!.create(albumNumber(i + 1)),
        ),
        'concurrent creates from two servers',
      );
      expectDistinctIds(
        created.map((album) => album.id),
        'concurrent creates from two servers',
      );
      expect(await servers[0]!.count()).toBe(CONCURRENT_CREATES + 3);
    });
  });
}
