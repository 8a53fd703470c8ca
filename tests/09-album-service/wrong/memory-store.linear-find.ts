// Wrong: the ids are safe (taken before the await), but GET /albums/:id still searches the
// albums with find(): every lookup scans them, O(n) instead of O(1).
// Rejected by: lookup-shape.timing.test.ts
import type { Album } from '../../../lib/album/album-store.ts';
import { MemoryAlbumStore as Reference } from '../../../solutions/09-album-service/memory-store.ts';

export class MemoryAlbumStore extends Reference {
  override async get(id: number): Promise<Album | undefined> {
    return this.inOrder.find((album) => album.id === id);
  }
}
