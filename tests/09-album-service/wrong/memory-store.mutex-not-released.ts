// Wrong: a mutex makes "read the size, write, store" one step, but it is released only on
// success. The first create that throws keeps the lock, and every later create waits forever.
import { Mutex } from 'async-mutex';
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
  private readonly inOrder: Album[] = [];
  private readonly mutex = new Mutex();
  private readonly persist: Persist;

  constructor(options: MemoryStoreOptions = {}) {
    this.persist = resolvePersist(options);
    for (const album of options.albums ?? SEED_ALBUMS) {
      this.store({ id: this.inOrder.length + 1, ...album });
    }
  }

  async list(page?: PageRequest): Promise<Album[]> {
    return page ? this.inOrder.slice(page.offset, page.offset + page.limit) : [...this.inOrder];
  }

  async get(id: number): Promise<Album | undefined> {
    return this.byId.get(id);
  }

  async create({ title, artist, price }: NewAlbum): Promise<Album> {
    const release = await this.mutex.acquire();
    const album = { id: this.inOrder.length + 1, title, artist, price };
    await this.persist(album);
    this.store(album);
    release();
    return album;
  }

  async count(): Promise<number> {
    return this.byId.size;
  }

  async close(): Promise<void> {}

  private store(album: Album): void {
    this.byId.set(album.id, album);
    this.inOrder.push(album);
  }
}
