// Wrong: SELECT max(id) + 1, then INSERT, made safe with an in-process mutex. That holds
// for one server; a second server (another process on the same table) has its own mutex,
// reads the same max, and its INSERT fails on the primary key.
// Rejected by: sql-store.test.ts
import { Mutex } from 'async-mutex';
import type { Album, NewAlbum } from '../../../lib/album/album-store.ts';
import { SqlAlbumTable } from '../../../lib/album/album-table.ts';

export class SqlAlbumStore extends SqlAlbumTable {
  private readonly mutex = new Mutex();

  create({ title, artist, price }: NewAlbum): Promise<Album> {
    return this.mutex.runExclusive(async () => {
      const [next] = await this.client.query<{ id: number }>(
        `SELECT coalesce(max(id), 0) + 1 AS id FROM ${this.table}`,
      );
      const album = { id: next?.id ?? 1, title, artist, price };
      await this.client.query(
        `INSERT INTO ${this.table} (id, title, artist, price) VALUES ($1, $2, $3, $4)`,
        [album.id, title, artist, price],
      );
      return album;
    });
  }
}
