// Wrong: SELECT max(id) + 1, then INSERT, made safe with an in-process mutex. That holds
// for one server; a second server (another process on the same table) has its own mutex,
// reads the same max, and its INSERT fails on the primary key.
import { Mutex } from 'async-mutex';
import type { Album, NewAlbum } from '../../../lib/album-store.ts';
import { type SqlStoreOptions, tableName } from '../../../lib/album-table.ts';
import type { SqlClient } from '../../../lib/sql-client.ts';
import { SqlAlbumStore as ReferenceStore } from '../../../solutions/09-album-service/sql-store.ts';

export class SqlAlbumStore extends ReferenceStore {
  private readonly mutex = new Mutex();
  private readonly albumTable: string;

  constructor(
    private readonly db: SqlClient,
    options: SqlStoreOptions = {},
  ) {
    super(db, options);
    this.albumTable = tableName(options);
  }

  override create({ title, artist, price }: NewAlbum): Promise<Album> {
    return this.mutex.runExclusive(async () => {
      const [next] = await this.db.query<{ id: number }>(
        `SELECT coalesce(max(id), 0) + 1 AS id FROM ${this.albumTable}`,
      );
      const album = { id: next?.id ?? 1, title, artist, price };
      await this.db.query(
        `INSERT INTO ${this.albumTable} (id, title, artist, price) VALUES ($1, $2, $3, $4)`,
        [album.id, title, artist, price],
      );
      return album;
    });
  }
}
