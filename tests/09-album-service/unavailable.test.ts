// A store that cannot reach its database throws StoreUnavailableError (lib/album does that
// for PGlite and PostgreSQL). That is not the client's fault, and not a bug: 503 with
// Retry-After and a JSON error, nothing for onError, and the next request, once the database
// is back, succeeds.
import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { type AlbumStore, StoreUnavailableError } from '../../lib/album/album-store.ts';
import { expectStatus } from '../support/http-status.ts';
import { serveAlbums } from './album-server.ts';
import { albumNumber } from './albums.ts';

/** A memory store whose every call fails as an unreachable database would, while `down`. */
function flakyStore(): { store: AlbumStore; setDown(down: boolean): void } {
  const inner = new MemoryAlbumStore();
  let down = false;
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (down) throw new StoreUnavailableError('connect ECONNREFUSED 127.0.0.1:5432');
      return call(...args);
    };
  const store: AlbumStore = {
    list: guard((page) => inner.list(page)),
    get: guard((id) => inner.get(id)),
    create: guard((album) => inner.create(album)),
    count: guard(() => inner.count()),
    close: () => inner.close(),
  };
  return { store, setDown: (value) => (down = value) };
}

describe('the database is unreachable', () => {
  it('every route answers 503 with Retry-After and a JSON error, then recovers', async () => {
    const { store, setDown } = flakyStore();
    const { url, serverErrors } = await serveAlbums({ store });
    setDown(true);
    for (const [what, response] of [
      ['GET /albums', await request(url).get('/albums')],
      ['GET /albums/1', await request(url).get('/albums/1')],
      ['POST /albums', await request(url).post('/albums').send(albumNumber(1))],
    ] as const) {
      expectStatus(
        response,
        503,
        `${what} with the database away must answer 503 Service Unavailable: the server is ` +
          'fine, the database will be back, and the client may retry',
      );
      expect(
        response.headers['retry-after'],
        `${what}: a 503 must say in Retry-After when to try again`,
      ).toMatch(/^\d+$/);
      expect(
        response.headers['content-type'],
        `${what}: a 503 must answer JSON, not Express's HTML error page`,
      ).toMatch(/^application\/json/);
      expect(response.body.error, 'a JSON { "error": "…" } body').toMatch(/\w/);
      expect(response.body.error, 'internal details stay on the server').not.toMatch(/5432/);
    }
    expect(serverErrors, 'an unreachable database is no bug: nothing for onError').toEqual([]);
    setDown(false);
    await request(url).get('/albums/1').expect(200);
    await request(url).post('/albums').send(albumNumber(2)).expect(201);
  });
});
