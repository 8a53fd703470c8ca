// Wrong: ids are taken before the await, as they must be, but each album is appended to the
// list when its write finishes. Writes that finish out of order leave the list out of id
// order: GET /albums is no longer oldest first, and a page after an id skips albums.
// Rejected by: memory-store.test.ts
import type { Album } from '../../../lib/album/album-store.ts';
import { MemoryAlbumStore as Reference } from '../../../solutions/09-album-service/memory-store.ts';

export class MemoryAlbumStore extends Reference {
  protected override store(album: Album): void {
    this.byId.set(album.id, album);
    this.inOrder.push(album);
  }
}
