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

/** The albums in memory, indexed by id. Safe under concurrent creates on one event loop. */
export class MemoryAlbumStore implements AlbumStore {
  protected readonly byId = new Map<number, Album>();
  /** Oldest first, for pages. */
  protected readonly inOrder: Album[] = [];
  private nextId = 1;
  protected readonly persist: Persist;

  constructor(options: MemoryStoreOptions = {}) {
    this.persist = resolvePersist(options);
    for (const album of options.albums ?? SEED_ALBUMS) this.store(this.allocate(album));
  }

  async list(page?: PageRequest): Promise<Album[]> {
    return page ? this.inOrder.slice(page.offset, page.offset + page.limit) : [...this.inOrder];
  }

  async get(id: number): Promise<Album | undefined> {
    return this.byId.get(id);
  }

  async create(input: NewAlbum): Promise<Album> {
    // The id is taken synchronously, before the first await: no other request can run
    // between reading nextId and advancing it. A failed persist leaves a gap, like a sequence.
    const album = this.allocate(input);
    await this.persist(album);
    this.store(album);
    return album;
  }

  async count(): Promise<number> {
    return this.byId.size;
  }

  async close(): Promise<void> {}

  private allocate({ title, artist, price }: NewAlbum): Album {
    return { id: this.nextId++, title, artist, price };
  }

  protected store(album: Album): void {
    this.byId.set(album.id, album);
    this.inOrder.push(album);
  }
}
