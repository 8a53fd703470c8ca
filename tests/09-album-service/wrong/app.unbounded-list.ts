// Wrong: GET /albums returns every album, as the course's service did: the response grows
// with each POST (358 KB on average in the course's load test). (The other routes are the
// reference's.)
// Rejected by: unavailable.test.ts
import express from 'express';
import type { AlbumAppOptions } from '../../../lib/album/album-store.ts';
import { createAlbumApp as referenceApp } from '../../../solutions/09-album-service/app.ts';

export function createAlbumApp(options: AlbumAppOptions): express.Express {
  const app = express();
  app.get('/albums', async (_req, res) => {
    res.set('X-Total-Count', String(await options.store.count()));
    res.json(await options.store.list());
  });
  app.use(referenceApp(options));
  return app;
}
