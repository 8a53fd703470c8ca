// The album service's data, as the course served it: `{ id, title, artist, price }`.
// Every store (memory, PGlite, PostgreSQL) implements AlbumStore; the app sees only this.

export interface Album {
  id: number;
  title: string;
  artist: string;
  price: number;
}

/** What a client may send: the store allocates the id. */
export type NewAlbum = Omit<Album, 'id'>;

/**
 * A window over the albums in id order: the ids above `after` (keyset: a deep page costs what
 * the first one does), then `offset` of them skipped (the course's clients; its cost grows
 * with the offset), then at most `limit`.
 */
export interface PageRequest {
  limit: number;
  offset?: number;
  after?: number;
}

export interface AlbumStore {
  /** The albums, oldest first; all of them when no page is given. */
  list(page?: PageRequest): Promise<Album[]>;
  get(id: number): Promise<Album | undefined>;
  /** Stores `album` under a fresh id, unique even when many creates run at once. */
  create(album: NewAlbum): Promise<Album>;
  count(): Promise<number>;
  close(): Promise<void>;
}

/** The three albums the course's service starts with (ids 1, 2, 3). */
export const SEED_ALBUMS: readonly NewAlbum[] = [
  { title: 'Blue Train', artist: 'John Coltrane', price: 56.99 },
  { title: 'Jeru', artist: 'Gerry Mulligan', price: 17.99 },
  { title: 'Sarah Vaughan and Clifford Brown', artist: 'Sarah Vaughan', price: 39.99 },
];

/** A simulated write to disk: the await that lets other requests run in between. */
export type Persist = (album: Album) => Promise<void>;

export const persistAfter =
  (delayMs: number): Persist =>
  () =>
    new Promise((resolve) => {
      if (delayMs > 0) setTimeout(resolve, delayMs);
      else setImmediate(resolve);
    });

export interface MemoryStoreOptions {
  /** Initial contents, given ids 1..n; the three course albums by default. */
  albums?: readonly NewAlbum[];
  /** Awaited inside every create, after the id is chosen; may reject (a failed write). */
  persist?: Persist;
  /** Shorthand for `persist: persistAfter(ms)`; 0 (the default) yields to the event loop once. */
  persistDelayMs?: number;
}

export const resolvePersist = (options: MemoryStoreOptions): Persist =>
  options.persist ?? persistAfter(options.persistDelayMs ?? 0);

/** Where a store's failures come from when it cannot reach its database: answered with 503. */
export { StoreUnavailableError } from './store-unavailable.ts';

export interface AlbumAppOptions {
  store: AlbumStore;
  /** Where unexpected (500) errors go; console.error by default. */
  onError?: (error: unknown) => void;
}
