// Helpers for the album service specs: deterministic albums and the duplicate-id verdict.
import { expect } from 'vitest';
import type { Album, NewAlbum } from '../../lib/album/album-store.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** The n-th generated album: the same every run. */
export const albumNumber = (n: number): NewAlbum => ({
  title: `Take ${n}`,
  artist: `Quartet ${n % 97}`,
  price: (n % 10_000) / 100,
});

export const sameAlbum = (a: Album | undefined, b: Album): boolean =>
  a !== undefined &&
  a.id === b.id &&
  a.title === b.title &&
  a.artist === b.artist &&
  a.price === b.price;

export const manyAlbums = (n: number): NewAlbum[] =>
  Array.from({ length: n }, (_, i) => albumNumber(i + 1));

/** Fails with the phenomenon: "499 of 500 concurrent creates got a duplicate id". */
export function expectDistinctIds(ids: readonly number[], what = 'concurrent creates'): void {
  const distinct = new Set(ids).size;
  const duplicated = ids.length - distinct;
  expect(
    duplicated,
    `${count(duplicated)} of ${count(ids.length)} ${what} got a duplicate id ` +
      `(only ${count(distinct)} distinct ids): the id was chosen before an await, ` +
      'and other requests chose the same one meanwhile',
  ).toBe(0);
}

/** Settles all creates; fails naming the duplicates when the store's primary key refused them. */
export async function expectAllCreated(
  creates: readonly Promise<Album>[],
  what = 'concurrent creates',
): Promise<Album[]> {
  const results = await Promise.allSettled(creates);
  const failures = results.filter((result) => result.status === 'rejected');
  if (failures.length > 0) {
    const reason = String((failures[0]?.reason as Error)?.message ?? failures[0]?.reason);
    const verdict = /duplicate key/.test(reason) ? 'got a duplicate id' : 'failed';
    expect.fail(
      `${count(failures.length)} of ${count(results.length)} ${what} ${verdict}: ${reason}`,
    );
  }
  return results.map((result) => (result as PromiseFulfilledResult<Album>).value);
}

/** n albums as `albumNumber(1..n)` in one statement, ids 1..n: 100,000 rows in about a second. */
export async function seedSqlAlbums(
  client: { query: (text: string, params?: unknown[]) => Promise<unknown> },
  table: string,
  n: number,
): Promise<void> {
  await client.query(
    `INSERT INTO ${table} (title, artist, price)
     SELECT 'Take ' || g, 'Quartet ' || (g % 97), (g % 10000) / 100.0
     FROM generate_series(1, $1::int) AS g ORDER BY g`,
    [n],
  );
}
