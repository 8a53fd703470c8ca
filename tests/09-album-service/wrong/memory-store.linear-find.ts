// Wrong: the ids are safe (taken before the await), but GET /albums/:id still searches the
// array with find(): every lookup scans the albums, O(n) instead of O(1).
import type {
  Album,
  AlbumStore,
  MemoryStoreOptions,
  NewAlbum,
  PageRequest,
  Persist,
} from '../../../lib/album/album-store.ts';
import { resolvePersist, SEED_ALBUMS } from '../../../lib/album/album-store.ts';

export class MemoryAlbumStore implements AlbumStore {
  private readonly albums: Album[] = [];
  private nextId = 1;
  private readonly persist: Persist;

  constructor(options: MemoryStoreOptions = {}) {
    this.persist = resolvePersist(options);
    for (const album of options.albums ?? SEED_ALBUMS) {
      this.albums.push({ id: this.nextId++, ...album });
    }
  }

  async list(page?: PageRequest): Promise<Album[]> {
    return page ? this.albums.slice(page.offset, page.offset + page.limit) : [...this.albums];
  }

  async get(id: number): Promise<Album | undefined> {
    return this.albums.find((album) => album.id === id);
  }

  async create({ title, artist, price }: NewAlbum): Promise<Album> {
    const album = { id: this.nextId++, title, artist, price };
    await this.persist(album);
    this.albums.push(album);
    return album;
  }

  async count(): Promise<number> {
    return this.albums.length;
  }

  async close(): Promise<void> {}
}
