// One row per class of bad input: each is a 4xx with a JSON error, nothing is stored,
// nothing is polluted, and the server keeps answering.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { expectStatus } from '../support/http-status.ts';
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
  /** What the error message must name (the field at fault, the limit), case-insensitive. */
  names?: string;
}

const withField = (field: string, value: unknown) => ({ ...good, [field]: value });
const { title, artist, price } = good;

/** One field set to `value`: refused with 400, and the error names the field. */
const badField = (name: string, field: string, value: unknown): BadInput => ({
  name,
  status: 400,
  names: field,
  body: withField(field, value),
});
/** A body without `field`: refused with 400, and the error names the field. */
const missing = (field: string, body: object): BadInput => ({
  name: `missing ${field}`,
  status: 400,
  names: field,
  body,
});

const badBodies: BadInput[] = [
  missing('title', { artist, price }),
  badField('empty title', 'title', ''),
  badField('blank title', 'title', '   '),
  badField('title of 201 characters', 'title', 'x'.repeat(201)),
  badField('title of 201 code points, non-ASCII (201 × "é")', 'title', 'é'.repeat(201)),
  badField('artist of 201 code points outside the BMP (201 × "🎺")', 'artist', '🎺'.repeat(201)),
  badField('NUL in the title', 'title', 'a\u0000b'),
  badField('lone surrogate in the title', 'title', 'x\ud800y'),
  badField('price not whole cents (4.000000001)', 'price', 4.000000001),
  badField('price 5e-324', 'price', 5e-324),
  badField('title not a string', 'title', 42),
  missing('artist', { title, price }),
  badField('artist not a string', 'artist', ['Miles']),
  badField('artist of 201 characters', 'artist', 'y'.repeat(201)),
  missing('price', { title, artist }),
  badField('price as a string', 'price', '19.99'),
  badField('negative price', 'price', -1),
  badField('price over 1,000,000', 'price', 1_000_000.01),
  badField('price with 3 decimals', 'price', 19.999),
  {
    name: 'infinite price (1e400)',
    status: 400,
    names: 'price',
    raw: '{"title":"a","artist":"b","price":1e400}',
  },
  badField('unknown field', 'label', 'Columbia'),
  {
    name: '__proto__ key',
    status: 400,
    names: '__proto__',
    raw: '{"title":"a","artist":"b","price":1,"__proto__":{"polluted":true}}',
  },
  badField('constructor key', 'constructor', { polluted: true }),
  { name: 'an array body', status: 400, names: 'object', body: [good] },
  { name: 'a JSON null body', status: 400, raw: 'null' },
  { name: 'malformed JSON', status: 400, raw: '{"title": "Kind of Blue",' },
  { name: 'wrong content type', status: 415, raw: JSON.stringify(good), contentType: 'text/plain' },
  { name: 'no content type', status: 415, raw: JSON.stringify(good), contentType: null },
  {
    name: 'a charset JSON is never sent in (iso-8859-1)',
    status: 415,
    raw: JSON.stringify(good),
    contentType: 'application/json; charset=iso-8859-1',
    names: 'iso-8859-1',
  },
  {
    name: 'body over 100 KB',
    status: 413,
    names: '100',
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
  ['offset over 2^53 - 1', '/albums?offset=9007199254740992'],
  ['malformed percent-encoding in the id', '/albums/%ff'],
  ['id over 2^31 - 1', '/albums/2147483648'],
  ['id of 20 digits', '/albums/99999999999999999999'],
  ['id with a sign', '/albums/+1'],
  ['id with a fraction', '/albums/1.5'],
  ['non-numeric after', '/albums?after=abc'],
  ['negative after', '/albums?after=-1'],
  ['after over 2^31 - 1', '/albums?after=2147483648'],
];

function post(url: string, input: BadInput) {
  const test = request(url).post('/albums');
  const contentType = input.contentType === undefined ? json : input.contentType;
  if (contentType !== null) test.set('Content-Type', contentType);
  return test.send(input.raw ?? JSON.stringify(input.body));
}

function expectJsonError(response: request.Response, status: number): void {
  expectStatus(response, status, `bad input must be refused with ${status}`);
  expect(
    response.headers['content-type'],
    "an error must answer JSON, not Express's HTML error page",
  ).toMatch(/^application\/json/);
  expect(response.body.error, 'a JSON { "error": "…" } body').toMatch(/\w/);
}

describe('POST /albums rejects bad input with a JSON error', () => {
  it.each(badBodies)('$name → $status', async (input) => {
    const { url, store, serverErrors } = await serveAlbums();
    const response = await post(url, input);
    expectJsonError(response, input.status);
    if (input.names) {
      expect(response.body.error.toLowerCase(), `the error names ${input.names}`).toContain(
        input.names,
      );
    }
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
      withField('title', 'é'.repeat(200)),
      withField('artist', '🎺'.repeat(200)),
      withField('price', 19.99),
      withField('price', 0.07),
    ]) {
      await request(url).post('/albums').send(body).expect(201);
    }
  });
});

describe('a JSON body is recognised by its media type, parameters and all', () => {
  it.each([
    'application/json; charset=utf-8',
    'application/json;charset=UTF-8',
    'Application/JSON',
  ])('Content-Type: %s → 201', async (contentType) => {
    const { url } = await serveAlbums();
    const response = await request(url)
      .post('/albums')
      .set('Content-Type', contentType)
      .send(JSON.stringify(good));
    expect(response.status, `status (body: ${response.text.slice(0, 120)})`).toBe(201);
    expect(response.body).toEqual({ id: 4, ...good });
  });
});

describe('GET rejects bad ids and page parameters with a JSON 400', () => {
  it.each(badQueries)('%s (%s)', async (_name, path) => {
    const { url, serverErrors } = await serveAlbums();
    expectJsonError(await request(url).get(path), 400);
    expect(serverErrors, 'bad input is no server error').toEqual([]);
    await request(url).get('/albums/1').expect(200);
  });

  it('the message of each parameter states exactly the range its parser accepts', async () => {
    const { url } = await serveAlbums();
    const cases: [path: string, message: string][] = [
      ['/albums/0', 'id must be an integer from 1 to 2147483647'],
      ['/albums/2147483648', 'id must be an integer from 1 to 2147483647'],
      ['/albums?offset=9007199254740992', 'offset must be an integer from 0 to 9007199254740991'],
      ['/albums?limit=1001', 'limit must be an integer from 1 to 1000'],
      ['/albums?after=2147483648', 'after must be an integer from 0 to 2147483647'],
    ];
    for (const [path, message] of cases) {
      expect(
        (await request(url).get(path)).body,
        `${path}: the 400 must state exactly the range the parser accepts`,
      ).toEqual({ error: message });
    }
    for (const path of [
      '/albums/2147483647',
      '/albums?offset=9007199254740991',
      '/albums?offset=1000000000000000',
      '/albums?limit=1000',
      '/albums?after=2147483647',
      '/albums?after=0',
    ]) {
      const status = (await request(url).get(path)).status;
      expect([200, 404], `${path}: the edge of the stated range is accepted`).toContain(status);
    }
  });
});
