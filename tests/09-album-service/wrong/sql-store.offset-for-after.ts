// Wrong: serves `after` with OFFSET (ids are dense, so the page after id k is the page at
// offset k). The right albums, but PostgreSQL walks every row before the page: the last page
// of 50,000 albums costs many times the first.
// Rejected by: deep-page-sql.timing.test.ts
import type { Album, PageRequest } from '../../../lib/album/album-store.ts';
import { ALBUM_COLUMNS } from '../../../lib/album/album-table.ts';
import { SqlAlbumStore as Reference } from '../../../solutions/09-album-service/sql-store.ts';

export class SqlAlbumStore extends Reference {
  override async list(page?: PageRequest): Promise<Album[]> {
    if (!page) return super.list();
    return this.client.query<Album>(
      `SELECT ${ALBUM_COLUMNS} FROM ${this.table} ORDER BY id LIMIT $1 OFFSET $2`,
      [page.limit, (page.after ?? 0) + (page.offset ?? 0)],
    );
  }
}
