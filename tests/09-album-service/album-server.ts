// The app under test (kata or reference, through the switch) on a loopback port,
// closed when the spec ends.
import { createAlbumApp } from '@target/09-album-service/app';
import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import { onTestFinished } from 'vitest';
import type { AlbumStore, MemoryStoreOptions } from '../../lib/album/album-store.ts';
import { listenOnLoopback } from '../support/http-server.ts';

export interface AlbumServer {
  url: string;
  store: AlbumStore;
  /** What the app reported as unexpected (500) errors. */
  serverErrors: unknown[];
}

/** Serves a memory store made from `options`, or the given `store` (closed afterwards). */
export async function serveAlbums(
  options: MemoryStoreOptions & { store?: AlbumStore } = {},
): Promise<AlbumServer> {
  const store = options.store ?? new MemoryAlbumStore(options);
  const serverErrors: unknown[] = [];
  const app = createAlbumApp({ store, onError: (error) => serverErrors.push(error) });
  const { url, close } = await listenOnLoopback(app);
  onTestFinished(async () => {
    await close();
    await store.close();
  });
  return { url, store, serverErrors };
}
