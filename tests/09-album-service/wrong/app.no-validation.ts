// Wrong: trusts the client. POST /albums stores whatever JSON arrives: empty titles, prices
// as strings, extra fields, even __proto__ keys. (The other routes are the reference's.)
// Rejected by: routes.test.ts
import express from 'express';
import type { AlbumAppOptions } from '../../../lib/album/album-store.ts';
import { createAlbumApp as referenceApp } from '../../../solutions/09-album-service/app.ts';

export function createAlbumApp(options: AlbumAppOptions): express.Express {
  const app = express();
  app.post('/albums', express.json(), async (req, res) => {
    const album = await options.store.create(req.body);
    res.status(201).location(`/albums/${album.id}`).json(album);
  });
  app.use(referenceApp(options));
  return app;
}
