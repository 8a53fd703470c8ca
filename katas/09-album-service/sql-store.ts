import type { Album, AlbumStore, NewAlbum, PageRequest } from '../../lib/album-store.ts';
import { ALBUM_COLUMNS, type SqlStoreOptions, tableName } from '../../lib/album-table.ts';
import type { SqlClient } from '../../lib/sql-client.ts';

/** The albums in PostgreSQL (or PGlite). The next id is the highest one plus one. */
export class SqlAlbumStore implements AlbumStore {
  private readonly table: string;

  constructor(
    private readonly client: SqlClient,
    private readonly options: SqlStoreOptions = {},
  ) {
    this.table = tableName(options);
  }

  async list(page?: PageRequest): Promise<Album[]> {
    const all = `SELECT ${ALBUM_COLUMNS} FROM ${this.table} ORDER BY id`;
    return page
      ? this.client.query<Album>(`${all} LIMIT $1 OFFSET $2`, [page.limit, page.offset])
      : this.client.query<Album>(all);
  }

  async get(id: number): Promise<Album | undefined> {
    const rows = await this.client.query<Album>(
      `SELECT ${ALBUM_COLUMNS} FROM ${this.table} WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

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

  async count(): Promise<number> {
    const [row] = await this.client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.table}`,
    );
    return row?.n ?? 0;
  }

  async close(): Promise<void> {
    if (this.options.closeClient) await this.client.close();
  }
}
