// One row per class of bad input: each is a 4xx with a JSON error, nothing is stored,
// nothing is polluted, and the server keeps answering.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { serveAlbums } from './album-server.ts';

const good = { title: 'Kind of Blue', artist: 'Miles Davis', price: 19.99 };
const json = 'application/json';

interface BadInput {
  name: string;
  status: number;
  /** Body text as sent; JSON.stringify(body) unless given. */
  raw?: string;
  body?: unknown;
  contentType?: string | null;
}

const withField = (field: string, value: unknown) => ({ ...good, [field]: value });

const badBodies: BadInput[] = [
  { name: 'missing title', status: 400, body: { artist: good.artist, price: good.price } },
  { name: 'empty title', status: 400, body: withField('title', '') },
  { name: 'blank title', status: 400, body: withField('title', '   ') },
  { name: 'title of 201 characters', status: 400, body: withField('title', 'x'.repeat(201)) },
  { name: 'title not a string', status: 400, body: withField('title', 42) },
  { name: 'missing artist', status: 400, body: { title: good.title, price: good.price } },
  { name: 'artist not a string', status: 400, body: withField('artist', ['Miles']) },
  { name: 'artist of 201 characters', status: 400, body: withField('artist', 'y'.repeat(201)) },
  { name: 'missing price', status: 400, body: { title: good.title, artist: good.artist } },
  { name: 'price as a string', status: 400, body: withField('price', '19.99') },
  { name: 'negative price', status: 400, body: withField('price', -1) },
  { name: 'price over 1,000,000', status: 400, body: withField('price', 1_000_000.01) },
  { name: 'price with 3 decimals', status: 400, body: withField('price', 19.999) },
  { name: 'infinite price (1e400)', status: 400, raw: '{"title":"a","artist":"b","price":1e400}' },
  { name: 'unknown field', status: 400, body: withField('label', 'Columbia') },
  {
    name: '__proto__ key',
    status: 400,
    raw: '{"title":"a","artist":"b","price":1,"__proto__":{"polluted":true}}',
  },
  { name: 'constructor key', status: 400, body: withField('constructor', { polluted: true }) },
  { name: 'an array body', status: 400, body: [good] },
  { name: 'a JSON null body', status: 400, raw: 'null' },
  { name: 'malformed JSON', status: 400, raw: '{"title": "Kind of Blue",' },
  { name: 'wrong content type', status: 415, raw: JSON.stringify(good), contentType: 'text/plain' },
  { name: 'no content type', status: 415, raw: JSON.stringify(good), contentType: null },
  {
    name: 'body over 100 KB',
    status: 413,
    body: withField('title', 'z'.repeat(101 * 1024)),
  },
];

const badQueries: [name: string, path: string][] = [
  ['non-numeric id', '/albums/abc'],
  ['id 0', '/albums/0'],
  ['negative id', '/albums/-1'],
  ['limit 0', '/albums?limit=0'],
  ['limit over 1000', '/albums?limit=1001'],
  ['non-numeric limit', '/albums?limit=ten'],
  ['negative offset', '/albums?offset=-1'],
];

function post(url: string, input: BadInput) {
  const test = request(url).post('/albums');
  const contentType = input.contentType === undefined ? json : input.contentType;
  if (contentType !== null) test.set('Content-Type', contentType);
  return test.send(input.raw ?? JSON.stringify(input.body));
}

function expectJsonError(response: request.Response, status: number): void {
  expect(response.status, `status (body: ${response.text.slice(0, 120)})`).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  expect(response.body.error, 'a JSON { "error": "…" } body').toMatch(/\w/);
}

describe('POST /albums rejects bad input with a JSON error', () => {
  it.each(badBodies)('$name → $status', async (input) => {
    const { url, store, serverErrors } = await serveAlbums();
    expectJsonError(await post(url, input), input.status);
    expect(await store.count(), 'nothing stored').toBe(3);
    expect(serverErrors, 'bad input is no server error').toEqual([]);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
    await request(url).get('/albums/1').expect(200);
  });

  it('accepts the edges of the valid range', async () => {
    const { url } = await serveAlbums();
    for (const body of [
      withField('price', 0),
      withField('price', 1_000_000),
      withField('price', 0.1),
      withField('title', 't'.repeat(200)),
    ]) {
      await request(url).post('/albums').send(body).expect(201);
    }
  });
});

describe('GET rejects bad ids and page parameters with a JSON 400', () => {
  it.each(badQueries)('%s (%s)', async (_name, path) => {
    const { url } = await serveAlbums();
    expectJsonError(await request(url).get(path), 400);
    await request(url).get('/albums/1').expect(200);
  });
});
