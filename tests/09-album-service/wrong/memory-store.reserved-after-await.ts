// Wrong: indexes the albums in a Map, but still reads the next id (size + 1) before the
// await and claims it only after: every create in flight reads the same size, and later
// ones overwrite earlier ones.
import type {
  Album,
  AlbumStore,
  MemoryStoreOptions,
  NewAlbum,
  PageRequest,
  Persist,
} from '../../../lib/album-store.ts';
import { resolvePersist, SEED_ALBUMS } from '../../../lib/album-store.ts';

export class MemoryAlbumStore implements AlbumStore {
  private readonly byId = new Map<number, Album>();
  private readonly persist: Persist;

  constructor(options: MemoryStoreOptions = {}) {
    this.persist = resolvePersist(options);
    for (const album of options.albums ?? SEED_ALBUMS) {
      this.byId.set(this.byId.size + 1, { id: this.byId.size + 1, ...album });
    }
  }

  async list(page?: PageRequest): Promise<Album[]> {
    const all = [...this.byId.values()];
    return page ? all.slice(page.offset, page.offset + page.limit) : all;
  }

  async get(id: number): Promise<Album | undefined> {
    return this.byId.get(id);
  }

  async create({ title, artist, price }: NewAlbum): Promise<Album> {
    const album = { id: this.byId.size + 1, title, artist, price };
    await this.persist(album);
    this.byId.set(album.id, album);
    return album;
  }

  async count(): Promise<number> {
    return this.byId.size;
  }

  async close(): Promise<void> {}
}
