// Wrong: every bad album gets the same answer, 400 "invalid album". The status is right, but
// the client cannot tell which field to fix (a missing title? a price in fractions of a cent?).
// (Everything else is the reference's.)
// Rejected by: validation.test.ts
import express from 'express';
import type { AlbumAppOptions } from '../../../lib/album/album-store.ts';
import { createAlbumApp as referenceApp } from '../../../solutions/09-album-service/app.ts';

export function createAlbumApp(options: AlbumAppOptions): express.Express {
  const app = referenceApp(options);
  const wrapper = express();
  wrapper.disable('x-powered-by');
  wrapper.post('/albums', (_req, res, next) => {
    const send = res.json.bind(res);
    res.json = (body: unknown) => send(res.statusCode === 400 ? { error: 'invalid album' } : body);
    next();
  });
  wrapper.use(app);
  return wrapper;
}
