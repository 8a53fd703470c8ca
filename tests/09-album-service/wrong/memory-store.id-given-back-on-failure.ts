// Wrong: takes the id before the await, as it should, but "gives it back" when the write
// fails (nextId-- in a catch), so the ids stay dense. Other creates took later ids meanwhile:
// the next create gets one of theirs again.
// Rejected by: memory-store.test.ts
import type { Album, NewAlbum } from '../../../lib/album/album-store.ts';
import { MemoryAlbumStore as Reference } from '../../../solutions/09-album-service/memory-store.ts';

export class MemoryAlbumStore extends Reference {
  private next = 0;

  override async create({ title, artist, price }: NewAlbum): Promise<Album> {
    if (this.next === 0) this.next = this.inOrder.length + 1;
    const album = { id: this.next++, title, artist, price };
    try {
      await this.persist(album);
    } catch (error) {
      this.next--;
      throw error;
    }
    this.store(album);
    return album;
  }
}
