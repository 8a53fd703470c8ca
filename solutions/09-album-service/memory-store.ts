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
  /** Sorted by id, for pages. Creates usually finish in id order; a late one is slotted in. */
  protected readonly inOrder: Album[] = [];
  private nextId = 1;
  protected readonly persist: Persist;

  constructor(options: MemoryStoreOptions = {}) {
    this.persist = resolvePersist(options);
    for (const album of options.albums ?? SEED_ALBUMS) this.store(this.allocate(album));
  }

  async list(page?: PageRequest): Promise<Album[]> {
    if (!page) return [...this.inOrder];
    const start = this.firstAbove(page.after ?? 0) + (page.offset ?? 0);
    return this.inOrder.slice(start, start + page.limit);
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
    let at = this.inOrder.length;
    while (at > 0 && this.inOrder[at - 1]!.id > album.id) at--;
    this.inOrder.splice(at, 0, album);
  }

  /** Index of the first album whose id is above `id`: a binary search, O(log n). */
  private firstAbove(id: number): number {
    let low = 0;
    let high = this.inOrder.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.inOrder[mid]!.id <= id) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
