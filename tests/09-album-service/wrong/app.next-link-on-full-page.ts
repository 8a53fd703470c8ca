// Wrong: offers a next page whenever this one is full. When the total is an exact multiple
// of the limit, the last page is full too, and its Link points at an empty page.
// (Everything else is the reference's.)
// Rejected by: pagination.test.ts
import express from 'express';
import type { AlbumAppOptions } from '../../../lib/album/album-store.ts';
import { createAlbumApp as referenceApp } from '../../../solutions/09-album-service/app.ts';

export function createAlbumApp(options: AlbumAppOptions): express.Express {
  const app = referenceApp(options);
  const wrapper = express();
  wrapper.get('/albums', (req, res, next) => {
    const limit = Number(req.query.limit ?? 100);
    const send = res.json.bind(res);
    res.json = (albums: { id: number }[]) => {
      const last = Array.isArray(albums) ? albums.at(-1) : undefined;
      if (last && albums.length === limit && !res.get('Link')) {
        res.links({ next: `/albums?after=${last.id}&limit=${limit}` });
      }
      return send(albums);
    };
    next();
  });
  wrapper.use(app);
  return wrapper;
}
