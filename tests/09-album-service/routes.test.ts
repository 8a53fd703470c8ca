import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { BOUNDED_WAIT_MS, settlesWithin } from '../support/bounded.ts';
import { expectStatus } from '../support/http-status.ts';
import { serveAlbums } from './album-server.ts';
import { albumNumber } from './albums.ts';

/** The course's three albums, as its service served them (not read back from SEED_ALBUMS). */
const seeded = [
  { id: 1, title: 'Blue Train', artist: 'John Coltrane', price: 56.99 },
  { id: 2, title: 'Jeru', artist: 'Gerry Mulligan', price: 17.99 },
  { id: 3, title: 'Sarah Vaughan and Clifford Brown', artist: 'Sarah Vaughan', price: 39.99 },
];

describe('the album routes', () => {
  it('GET /albums lists the three albums of the course, with the total in X-Total-Count', async () => {
    const { url } = await serveAlbums();
    const response = await request(url).get('/albums').expect(200);
    expect(response.body).toEqual(seeded);
    expect(
      response.headers['x-total-count'],
      'GET /albums must give the total in X-Total-Count',
    ).toBe('3');
    expect(response.headers.link, 'no next page after the last album').toBeUndefined();
    expect(
      response.headers['x-powered-by'],
      'the server does not announce its framework (X-Powered-By: Express)',
    ).toBeUndefined();
  });

  it('GET /albums/:id returns one album', async () => {
    const { url } = await serveAlbums();
    const response = await request(url).get('/albums/2').expect(200);
    expect(response.body).toEqual(seeded[1]);
  });

  it('GET /albums/:id for an unknown id is a 404 with a JSON error', async () => {
    const { url } = await serveAlbums();
    const response = await request(url).get('/albums/99').expect(404);
    expect(response.body, 'a 404 body is JSON of the shape { error }').toEqual({
      error: 'album not found',
    });
  });

  it('POST /albums answers 201 with the album and its Location, ignoring a client id', async () => {
    const { url } = await serveAlbums();
    const response = await request(url)
      .post('/albums')
      .send({ id: 2, ...albumNumber(1) })
      .expect(201);
    expect(
      response.body,
      'POST must answer the stored album with the id the server chose, ignoring a client id',
    ).toEqual({ id: 4, ...albumNumber(1) });
    expect(response.headers.location).toBe('/albums/4');
    const fetched = await request(url).get('/albums/4').expect(200);
    expect(fetched.body).toEqual(response.body);
    const jeru = await request(url).get('/albums/2').expect(200);
    expect(jeru.body, 'a client-sent id must not overwrite album 2').toEqual(seeded[1]);
  });

  it('an unknown route is a 404 with a JSON error', async () => {
    const { url } = await serveAlbums();
    const response = await request(url).get('/artists').expect(404);
    expect(response.body.error, 'an unknown route must answer a JSON { error }, not HTML').toMatch(
      /\w/,
    );
  });

  it.each([
    ['PUT', '/albums', 'GET, HEAD, POST, OPTIONS'],
    ['DELETE', '/albums', 'GET, HEAD, POST, OPTIONS'],
    ['DELETE', '/albums/1', 'GET, HEAD, OPTIONS'],
    ['PATCH', '/albums/1', 'GET, HEAD, OPTIONS'],
    ['POST', '/albums/1', 'GET, HEAD, OPTIONS'],
  ])('%s %s is a 405 with Allow: %s and a JSON error', async (method, path, allow) => {
    const { url, store } = await serveAlbums();
    const response = await request(url)[method.toLowerCase() as 'put'](path).send(albumNumber(1));
    expectStatus(
      response,
      405,
      `${method} ${path} must answer 405 Method Not Allowed: the route exists, the method does not`,
    );
    expect(
      response.headers.allow,
      `a 405 must list the methods ${path} takes in its Allow header`,
    ).toBe(allow);
    expect(response.body.error, 'a 405 body is JSON of the shape { error }').toMatch(/\w/);
    expect(await store.count(), `${method} ${path} stored an album`).toBe(3);
  });

  it.each([
    ['/albums', 'GET, HEAD, POST, OPTIONS'],
    ['/albums/1', 'GET, HEAD, OPTIONS'],
  ])('OPTIONS %s answers with Allow: %s', async (path, allow) => {
    const { url } = await serveAlbums();
    const response = await request(url).options(path);
    expect(
      response.status,
      `OPTIONS ${path} must answer the methods the route takes (it answered ${response.status})`,
    ).toBeLessThan(300);
    expect(
      response.headers.allow,
      `OPTIONS ${path}: the Allow header lists every method the route takes`,
    ).toBe(allow);
  });

  it('a failed write is a 500 with a JSON error, and the next POST still gets through', async () => {
    let writes = 0;
    const { url, serverErrors } = await serveAlbums({
      persist: async () => {
        if (++writes === 1) throw new Error('disk full');
      },
    });
    const failed = await request(url).post('/albums').send(albumNumber(1)).expect(500);
    expect(
      failed.body,
      'a failed write must answer a JSON { error }, not HTML or an empty body',
    ).toEqual({ error: expect.any(String) });
    expect(failed.body.error, 'a JSON { "error": "…" } body').toMatch(/\w/);
    expect(failed.body.error, 'internal details stay on the server').not.toMatch(/disk/);
    expect(serverErrors).toHaveLength(1);
    const next = await settlesWithin(
      request(url)
        .post('/albums')
        .send(albumNumber(2))
        .then((response) => response),
      'the POST after a failed one',
      BOUNDED_WAIT_MS,
      'Is a lock still held by the create that threw?',
    );
    expect(next.status).toBe(201);
  });

  it.each([
    302, 500, 502,
  ])('a store error that carries status %i is still a bug: 500, and onError hears of it', async (status) => {
    const { url, store, serverErrors } = await serveAlbums();
    const failure = Object.assign(new Error('pool exhausted at 10.0.0.5'), {
      status,
      expose: true,
    });
    store.create = async () => {
      throw failure;
    };
    const response = await request(url).post('/albums').send(albumNumber(1));
    expect(
      response.status,
      `an error's own status field is not an HTTP answer (only the parsers' 4xx are)`,
    ).toBe(500);
    expect(response.body.error, 'internal details stay on the server').not.toMatch(/10\.0\.0\.5/);
    expect(serverErrors, 'a 500 is reported to onError').toEqual([failure]);
  });
});
