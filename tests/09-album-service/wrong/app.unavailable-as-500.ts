// Wrong: treats an unreachable database like any other failure: 500, reported as a bug, no
// Retry-After, so clients and load balancers cannot tell "try again" from "broken".
// (Everything else is the reference's.)
// Rejected by: unavailable.test.ts
import type express from 'express';
import type { AlbumAppOptions, AlbumStore } from '../../../lib/album/album-store.ts';
import { createAlbumApp as referenceApp } from '../../../solutions/09-album-service/app.ts';

const plainErrors =
  <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await call(...args);
    } catch (error) {
      throw new Error(String((error as Error)?.message ?? error));
    }
  };

export function createAlbumApp(options: AlbumAppOptions): express.Express {
  const { store } = options;
  const wrapped: AlbumStore = {
    list: plainErrors((page) => store.list(page)),
    get: plainErrors((id) => store.get(id)),
    create: plainErrors((album) => store.create(album)),
    count: plainErrors(() => store.count()),
    close: () => store.close(),
  };
  return referenceApp({ ...options, store: wrapped });
}
