// The course's GET /albums grew to ~358 KB per response and dominated latency. A bounded
// page keeps it flat: its size does not depend on how many albums exist.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { serveAlbums } from './album-server.ts';
import { manyAlbums } from './albums.ts';

describe('GET /albums serves bounded pages', () => {
  it('100 albums per page by default, the total in X-Total-Count, the next page in Link', async () => {
    const { url } = await serveAlbums({ albums: manyAlbums(250) });
    const first = await request(url).get('/albums').expect(200);
    expect(
      first.body,
      'GET /albums must serve a bounded page (100 by default), not the whole collection',
    ).toHaveLength(100);
    expect(first.body[0].id).toBe(1);
    expect(first.headers['x-total-count']).toBe('250');
    expect(first.headers.link).toBe('</albums?after=100&limit=100>; rel="next"');

    const last = await request(url).get('/albums?offset=200').expect(200);
    expect(last.body.map((album: { id: number }) => album.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => 201 + i),
    );
    expect(last.headers.link, 'no next page after the last one').toBeUndefined();
  });

  it('?limit= sets the page size, up to 1000', async () => {
    const { url } = await serveAlbums({ albums: manyAlbums(1_500) });
    const small = await request(url).get('/albums?limit=10&offset=5').expect(200);
    expect(
      small.body.map((album: { id: number }) => album.id),
      '?limit=10&offset=5 must serve albums 6…15: the page parameters were ignored',
    ).toEqual(Array.from({ length: 10 }, (_, i) => 6 + i));
    expect(small.headers.link).toBe('</albums?after=15&limit=10>; rel="next"');
    const large = await request(url).get('/albums?limit=1000').expect(200);
    expect(large.body).toHaveLength(1000);
  });

  it('?after=<id> serves the albums after that id; following Link visits every album once', async () => {
    const { url } = await serveAlbums({ albums: manyAlbums(250) });
    const page = await request(url).get('/albums?after=240&limit=5').expect(200);
    expect(
      page.body.map((album: { id: number }) => album.id),
      '?after=240&limit=5 must serve the 5 albums after id 240 (keyset paging)',
    ).toEqual([241, 242, 243, 244, 245]);
    expect(page.headers.link).toBe('</albums?after=245&limit=5>; rel="next"');
    const seen: number[] = [];
    let next: string | undefined = '/albums?limit=60';
    for (let pages = 0; next && pages < 10; pages++) {
      const response: request.Response = await request(url).get(next).expect(200);
      expect(response.headers['x-total-count']).toBe('250');
      seen.push(...response.body.map((album: { id: number }) => album.id));
      next = /<([^>]+)>; rel="next"/.exec(response.headers.link ?? '')?.[1];
    }
    expect(next, 'the Link chain ends').toBeUndefined();
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
  });

  it('a total that is an exact multiple of the limit: the last full page has no next link', async () => {
    const { url } = await serveAlbums({ albums: manyAlbums(200) });
    const second = await request(url).get('/albums?after=100&limit=100').expect(200);
    expect(second.body, '?after=100&limit=100 must serve one page of 100').toHaveLength(100);
    expect(second.headers.link, 'the last full page (after=100) points nowhere').toBeUndefined();
    const byOffset = await request(url).get('/albums?offset=100&limit=100').expect(200);
    expect(byOffset.headers.link, 'the last full page (offset=100) points nowhere').toBeUndefined();
    const first = await request(url).get('/albums?limit=200').expect(200);
    expect(first.headers.link, 'one page holding every album points nowhere').toBeUndefined();
  });

  it("a page's size does not grow with the collection (100 vs 100,000 albums)", async () => {
    const pageBytes = async (albums: number) => {
      const { url } = await serveAlbums({ albums: manyAlbums(albums) });
      const response = await request(url).get('/albums').expect(200);
      return Buffer.byteLength(response.text);
    };
    const small = await pageBytes(100);
    const large = await pageBytes(100_000);
    expect(
      large / small,
      `GET /albums sent ${large.toLocaleString('en-US')} bytes with 100,000 albums and ` +
        `${small.toLocaleString('en-US')} with 100: the response grows with the collection`,
    ).toBeLessThan(1.5);
  });
});
