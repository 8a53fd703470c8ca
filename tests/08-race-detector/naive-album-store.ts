// The course's album store, kept on the test side (your kata 09 may be fixed already): one
// slice, the next id read from its length before an await, the append after it.
import {
  type Album,
  type AlbumStore,
  type MemoryStoreOptions,
  type NewAlbum,
  type PageRequest,
  type Persist,
  resolvePersist,
  SEED_ALBUMS,
} from '../../lib/album/album-store.ts';

export class NaiveAlbumStore implements AlbumStore {
  private readonly albums: Album[] = [];
  private readonly persist: Persist;

  constructor(options: MemoryStoreOptions = {}) {
    this.persist = resolvePersist(options);
    for (const album of options.albums ?? SEED_ALBUMS) {
      this.albums.push({ id: this.albums.length + 1, ...album });
    }
  }

  async list(page?: PageRequest): Promise<Album[]> {
    if (!page) return this.albums;
    const start = page.offset ?? 0;
    return this.albums.slice(start, start + page.limit);
  }

  async get(id: number): Promise<Album | undefined> {
    return this.albums.find((album) => album.id === id);
  }

  async create(input: NewAlbum): Promise<Album> {
    const album = { id: this.albums.length + 1, ...input };
    await this.persist(album);
    this.albums.push(album);
    return album;
  }

  async count(): Promise<number> {
    return this.albums.length;
  }

  async close(): Promise<void> {}
}
