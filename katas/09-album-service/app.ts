import express from 'express';
import type { AlbumAppOptions } from '../../lib/album/album-store.ts';

/** The album service as the course first wrote it. */
export function createAlbumApp({ store }: AlbumAppOptions): express.Express {
  const app = express();
  app.use(express.json());

  app.get('/albums', async (_req, res) => {
    res.json(await store.list());
  });

  app.get('/albums/:id', async (req, res) => {
    const album = await store.get(Number(req.params.id));
    if (album) res.json(album);
    else res.status(404).json({ message: 'album not found' });
  });

  app.post('/albums', async (req, res) => {
    const album = await store.create(req.body);
    res.status(201).json(album);
  });

  return app;
}
