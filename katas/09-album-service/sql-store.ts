import type { Album, NewAlbum } from '../../lib/album/album-store.ts';
import { SqlAlbumTable } from '../../lib/album/album-table.ts';

/**
 * The albums in PostgreSQL (or PGlite). The next id is the highest one plus one.
 * `list`, `get` and `count` come from SqlAlbumTable; `create` is yours.
 */
export class SqlAlbumStore extends SqlAlbumTable {
  async create({ title, artist, price }: NewAlbum): Promise<Album> {
    const [next] = await this.client.query<{ id: number }>(
      `SELECT coalesce(max(id), 0) + 1 AS id FROM ${this.table}`,
    );
    const album = { id: next?.id ?? 1, title, artist, price };
    await this.client.query(
      `INSERT INTO ${this.table} (id, title, artist, price) VALUES ($1, $2, $3, $4)`,
      [album.id, title, artist, price],
    );
    return album;
  }
}
