import type { Album, NewAlbum } from '../../lib/album/album-store.ts';
import { ALBUM_COLUMNS, SqlAlbumTable } from '../../lib/album/album-table.ts';

/**
 * The albums in PostgreSQL (or PGlite): the primary key is the index, and the database
 * allocates ids. `list`, `get` and `count` come from SqlAlbumTable.
 */
export class SqlAlbumStore extends SqlAlbumTable {
  async create({ title, artist, price }: NewAlbum): Promise<Album> {
    // One statement: the identity column hands out the id inside the insert, so no other
    // connection (or server process) can take the same one.
    const [album] = await this.client.query<Album>(
      `INSERT INTO ${this.table} (title, artist, price) VALUES ($1, $2, $3) RETURNING ${ALBUM_COLUMNS}`,
      [title, artist, price],
    );
    if (!album) throw new Error('INSERT … RETURNING returned no row');
    return album;
  }
}
