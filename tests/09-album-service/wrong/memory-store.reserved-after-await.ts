// Wrong: indexes the albums in a Map, but still reads the next id (size + 1) before the
// await and claims it only after: every create in flight reads the same size, and later
// ones overwrite earlier ones.
// Rejected by: memory-store.test.ts
import type { Album, NewAlbum } from '../../../lib/album/album-store.ts';
import { MemoryAlbumStore as Reference } from '../../../solutions/09-album-service/memory-store.ts';

export class MemoryAlbumStore extends Reference {
  override async create({ title, artist, price }: NewAlbum): Promise<Album> {
    const album = { id: this.byId.size + 1, title, artist, price };
    await this.persist(album);
    this.store(album);
    return album;
  }
}
