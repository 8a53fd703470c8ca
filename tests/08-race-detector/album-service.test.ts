// The course's Locust experiment asks to run the album service under `-race` and POST at it:
// "You'll likely see: WARNING: DATA RACE". Here through supertest, a task per request.
import request from 'supertest';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { AlbumStore } from '../../lib/album/album-store.ts';
import { taskPerRequest } from '../../lib/race/http.ts';
import type { RaceRuntime } from '../../lib/race/runtime.ts';
import { trackInstance } from '../../lib/race/tracked-proxy.ts';
import { createAlbumApp } from '../../solutions/09-album-service/app.ts';
import { MemoryAlbumStore } from '../../solutions/09-album-service/memory-store.ts';
import { albumNumber } from '../09-album-service/albums.ts';
import { listenOnLoopback } from '../support/http-server.ts';
import { NaiveAlbumStore } from './naive-album-store.ts';
import { expectNoRaces, lineOf, newRace, pairs, records, reports } from './under-race.ts';

const POSTS = 20;
const NEXT_ID = lineOf('naive-album-store.ts', 'id: this.albums.length + 1, ...input');
const APPEND = lineOf('naive-album-store.ts', 'this.albums.push(album)');

async function postConcurrently(race: RaceRuntime, store: AlbumStore) {
  const app = createAlbumApp({ store: trackInstance(race, store, 'store') });
  const { url, close } = await listenOnLoopback(taskPerRequest(race, app));
  onTestFinished(close);
  const responses = await Promise.all(
    Array.from({ length: POSTS }, (_, i) =>
      request(url)
        .post('/albums')
        .send(albumNumber(i + 1)),
    ),
  );
  expect(responses.map((response) => response.status)).toEqual(responses.map(() => 201));
  await request(url).get('/albums');
}

describe(`${POSTS} concurrent POST /albums under the detector`, () => {
  it('the naive store: the read of the next id and the append race, in two request tasks', async () => {
    const race = newRace();
    // A 1 ms write, as in kata 09: the requests overlap.
    await postConcurrently(race, new NaiveAlbumStore({ persistDelayMs: 1 }));
    const found = race.races().length;
    expect(found, `${found} races reported for the naive album store`).toBeGreaterThan(0);
    expect(pairs(race).sort(), reports(race)).toEqual([
      `write ${APPEND} / read ${NEXT_ID}`,
      `write ${APPEND} / write ${APPEND}`,
    ]);
    for (const record of records(race)) {
      expect(record.location).toBe('store.albums.length');
      expect(record.current.task).not.toBe(record.previous.task);
      expect([record.current.task, record.previous.task]).not.toContain(0);
    }
  });

  it('the reference store (kata 09): no report', async () => {
    const race = newRace();
    await postConcurrently(race, new MemoryAlbumStore({ persistDelayMs: 1 }));
    expectNoRaces(race, 'the reference album store under concurrent POSTs');
  });
});
