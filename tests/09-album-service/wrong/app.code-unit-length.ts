// Wrong: measures title and artist with `.length`, which counts UTF-16 code units: a title of
// 200 saxophones (🎷, two code units each) is refused as 400 characters long, while
// PostgreSQL's char_length (and a reader) counts 200. (Everything else is the reference's.)
// Rejected by: validation.test.ts
import express from 'express';
import type { AlbumAppOptions } from '../../../lib/album/album-store.ts';
import { createAlbumApp as referenceApp } from '../../../solutions/09-album-service/app.ts';

export function createAlbumApp(options: AlbumAppOptions): express.Express {
  const app = express();
  app.post('/albums', express.json(), (req, res, next) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    for (const field of ['title', 'artist']) {
      const value = body[field];
      if (typeof value === 'string' && value.length > 200) {
        res.status(400).json({ error: `${field} must be at most 200 characters` });
        return;
      }
    }
    next();
  });
  app.use(referenceApp(options));
  return app;
}
