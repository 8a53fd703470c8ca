// The same request gets the same answer whichever store is behind the app. Before, the SQL
// stores turned a lone surrogate into U+FFFD, rounded 4.000000001 to 4 and 5e-324 to 0,
// and answered 500 for a NUL in a title or an id above PostgreSQL's integer, while the memory
// store kept or accepted them. Validation in the app makes every store agree.
// One app and one store per backend for the whole file: the cases run in turn against it.
import { MemoryAlbumStore } from '@target/09-album-service/memory-store';
import { SqlAlbumStore } from '@target/09-album-service/sql-store';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlbumStore } from '../../lib/album/album-store.ts';
import { createAlbumTable, dropAlbumTable } from '../../lib/album/album-table.ts';
import { expectStatus } from '../support/http-status.ts';
import { serveAlbums } from './album-server.ts';
import { type Backend, connectFor, sqlBackends, uniqueTable } from './backends.ts';

const good = { title: 'Kind of Blue', artist: 'Miles Davis', price: 19.99 };
const ID_MESSAGE = 'id must be an integer from 1 to 2147483647';

const rejected: [name: string, body: object][] = [
  ['a lone surrogate in the title', { ...good, title: 'x\ud800y' }],
  ['a lone low surrogate in the artist', { ...good, artist: '\udc00' }],
  ['a NUL character in the title', { ...good, title: 'Kind\u0000of Blue' }],
  ['a price that is not whole cents (4.000000001)', { ...good, price: 4.000000001 }],
  ['a price that rounds to 0 (5e-324)', { ...good, price: 5e-324 }],
];

/** 200 code points, 400 UTF-16 code units: within the limit, whatever `.length` says. */
const stored: [name: string, body: object][] = [
  ['200 saxophones (400 UTF-16 code units)', { ...good, title: '🎷'.repeat(200) }],
  ['accents and CJK', { ...good, title: 'Café Ōkubo 東京', artist: 'Ñandú' }],
  ['the largest price, 1,000,000', { ...good, price: 1_000_000 }],
  ['0.07 (not exact in binary)', { ...good, price: 0.07 }],
];

function agreement(openStore: () => Promise<AlbumStore>): void {
  const server = async () => serveAlbums({ store: await openStore() });

  it('rejects ill-formed Unicode, NUL and fractions of a cent with a JSON 400, storing nothing', async () => {
    const { url, store, serverErrors } = await server();
    const before = await store.count();
    for (const [name, body] of rejected) {
      const response = await request(url).post('/albums').send(body);
      expectStatus(
        response,
        400,
        `${name} must be refused with 400, whatever the store (the app validates it)`,
      );
      expect(response.body.error, `${name}: a 400 body is JSON of the shape { error }`).toMatch(
        /\w/,
      );
    }
    expect(await store.count(), 'nothing stored').toBe(before);
    expect(serverErrors, 'bad input is no server error').toEqual([]);
  });

  it('stores long non-ASCII text and whole cents exactly as sent', async () => {
    const { url } = await server();
    for (const [name, body] of stored) {
      const created = await request(url).post('/albums').send(body);
      expectStatus(created, 201, `${name} must be stored exactly as sent`);
      const fetched = await request(url).get(`/albums/${created.body.id}`).expect(200);
      expect(fetched.body, name).toEqual({ id: created.body.id, ...body });
    }
  });

  it(`answers ids out of range with 400 "${ID_MESSAGE}"`, async () => {
    const { url, serverErrors } = await server();
    for (const id of ['2147483648', '99999999999999999999', '0']) {
      const response = await request(url).get(`/albums/${id}`);
      expectStatus(
        response,
        400,
        `GET /albums/${id}: an id out of range must be refused with 400 "${ID_MESSAGE}", ` +
          'whatever the store (an integer column holds no more)',
      );
      expect(response.body, `GET /albums/${id}: the 400 must state the accepted range`).toEqual({
        error: ID_MESSAGE,
      });
    }
    await request(url).get('/albums/2147483647').expect(404);
    expect(serverErrors, 'an id out of range is no server error').toEqual([]);
  });

  it('accepts every offset its message promises (up to 9007199254740991)', async () => {
    const { url } = await server();
    for (const offset of ['1000000000000000', '9007199254740991']) {
      const response = await request(url).get(`/albums?offset=${offset}`);
      expectStatus(response, 200, `offset=${offset} is within the range its message states`);
      expect(response.body, `offset=${offset} is past the last album: an empty page`).toEqual([]);
    }
    const over = await request(url).get('/albums?offset=9007199254740992').expect(400);
    expect(over.body.error).toBe('offset must be an integer from 0 to 9007199254740991');
  });
}

describe('the app on the memory store', () => {
  agreement(async () => new MemoryAlbumStore());
});

function sqlAgreement(backend: Backend): void {
  describe(`the app on SqlAlbumStore on ${backend.name}`, () => {
    const client = connectFor(backend);
    const options = { table: uniqueTable() };
    beforeAll(async () => {
      if (!backend.unavailable) await createAlbumTable(client(), options);
    });
    afterAll(async () => {
      if (!backend.unavailable) await dropAlbumTable(client(), options);
    });
    agreement(async () => new SqlAlbumStore(client(), options));
  });
}

for (const backend of sqlBackends) sqlAgreement(backend);
