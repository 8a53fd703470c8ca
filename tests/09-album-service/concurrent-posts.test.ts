// The course's race, over HTTP: many POSTs in flight at once on one event loop.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { serveAlbums } from './album-server.ts';
import { albumNumber, expectDistinctIds } from './albums.ts';

const POSTS = 500;

describe(`${POSTS} concurrent POST /albums`, () => {
  it(`answer ${POSTS} × 201 with ${POSTS} distinct ids, and every album is retrievable`, async () => {
    // A 1 ms simulated write: requests that arrive meanwhile see the same array length.
    const { url, store } = await serveAlbums({ persistDelayMs: 1 });
    const responses = await Promise.all(
      Array.from({ length: POSTS }, (_, i) =>
        request(url)
          .post('/albums')
          .send(albumNumber(i + 1)),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(
      statuses.filter((status) => status !== 201),
      'non-201 answers',
    ).toEqual([]);
    expectDistinctIds(
      responses.map((response) => response.body.id as number),
      'concurrent POSTs',
    );
    expect(await store.count(), 'albums stored').toBe(POSTS + 3);
    for (const response of responses.filter((_, i) => i % 25 === 0)) {
      const fetched = await request(url).get(response.headers.location ?? '/albums/0');
      expect(fetched.status, `GET ${response.headers.location}`).toBe(200);
      expect(fetched.body).toEqual(response.body);
    }
  });
});
