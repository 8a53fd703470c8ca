// Wrong: a mutex makes "read the size, write, store" one step, but it is released only on
// success. The first create that throws keeps the lock, and every later create waits forever.
// Rejected by: routes.test.ts
import { Mutex } from 'async-mutex';
import type { Album, NewAlbum } from '../../../lib/album/album-store.ts';
import { MemoryAlbumStore as Reference } from '../../../solutions/09-album-service/memory-store.ts';

export class MemoryAlbumStore extends Reference {
  private readonly mutex = new Mutex();

  override async create({ title, artist, price }: NewAlbum): Promise<Album> {
    const release = await this.mutex.acquire();
    const album = { id: this.inOrder.length + 1, title, artist, price };
    await this.persist(album);
    this.store(album);
    release();
    return album;
  }
}
