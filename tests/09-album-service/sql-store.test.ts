// The same store contract on PGlite (always) and on a real PostgreSQL (when DATABASE_URL
// points at one; CI starts a server, see .ci/postgres.sh). One database client per backend
// for the whole file, one fresh table per spec.
import { SqlAlbumStore } from '@target/09-album-service/sql-store';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SEED_ALBUMS } from '../../lib/album/album-store.ts';
import { createAlbumTable, dropAlbumTable, ensureAlbumTable } from '../../lib/album/album-table.ts';
import type { SqlClient } from '../../lib/album/sql-client.ts';
import { albumNumber, expectAllCreated, expectDistinctIds } from './albums.ts';
import { connectFor, sqlBackends, uniqueTable } from './backends.ts';
import { albumStoreContract, CONCURRENT_CREATES } from './store-contract.ts';

/** A client that answers every query with no rows and remembers what it was sent. */
function recordingClient() {
  const sent: string[] = [];
  let closed = 0;
  const client: SqlClient = {
    kind: 'postgres',
    query: async <Row>(text: string) => {
      sent.push(text);
      return [] as Row[];
    },
    close: async () => {
      closed++;
    },
  };
  return { client, sent, closed: () => closed };
}

describe('SqlAlbumStore options', () => {
  it('the table is "albums" unless named, and only a plain lower-case name is taken', async () => {
    const { client, sent } = recordingClient();
    await new SqlAlbumStore(client).get(1);
    expect(sent[0], 'the default table').toMatch(/ FROM albums WHERE /);
    await new SqlAlbumStore(client, { table: 'a'.repeat(57) }).get(1);
    expect(sent[1], 'a 57-character name').toContain(` FROM ${'a'.repeat(57)} WHERE `);
    for (const table of ['albums; DROP TABLE users', '1albums', 'Albums', 'a'.repeat(58)]) {
      expect(() => new SqlAlbumStore(client, { table }), table).toThrow(
        `not a plain table name: ${table}`,
      );
    }
  });

  it('close() closes the client only when the store owns it (closeClient)', async () => {
    const { client, closed } = recordingClient();
    await new SqlAlbumStore(client).close();
    expect(closed(), 'a shared client stays open').toBe(0);
    await new SqlAlbumStore(client, { closeClient: true }).close();
    expect(closed(), 'closeClient: true closes it with the store').toBe(1);
  });
});

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

    it('ensureAlbumTable seeds a missing table, keeps an existing one, counts an old one', async () => {
      // What `npm run serve` does on start against a long-lived database.
      const db = client();
      const options = { table: uniqueTable() };
      const { table } = options;
      onTestFinished(() => dropAlbumTable(db, options));
      await ensureAlbumTable(db, options);
      const store = new SqlAlbumStore(db, options);
      expect(await store.list(), 'a missing table is created with the course albums').toEqual(
        SEED_ALBUMS.map((album, i) => ({ id: i + 1, ...album })),
      );
      await store.create(albumNumber(1));
      await ensureAlbumTable(db, options);
      expect(await store.count(), 'a table that exists keeps its albums').toBe(4);
      // A table from before the counter: no counter table, no trigger.
      await db.query(`DROP TRIGGER ${table}_counted ON ${table}`);
      await db.query(`DROP FUNCTION ${table}_counted()`);
      await db.query(`DROP TABLE ${table}_count`);
      await ensureAlbumTable(db, options);
      expect(await store.count(), "an old table's new counter starts at its row count").toBe(4);
      await store.create(albumNumber(2));
      expect(await store.count(), 'and counts the inserts after it').toBe(5);
      await dropAlbumTable(db, options);
      await ensureAlbumTable(db, options);
      expect(await store.count(), 'a dropped table is created afresh, with its counter').toBe(3);
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
