// The deep-page measurement shared by the memory and SQL specs: the last page of a large store
// against the last page of a small one, sampled alternately, medians compared.
import { expect } from 'vitest';
import type { AlbumStore } from '../../lib/album/album-store.ts';
import { alternatingMedians } from '../support/measure.ts';

export const SMALL = 200;
const LIMIT = 100;
const SAMPLES = 11;
export const MAX_RATIO = 5;

/** Times `pages` calls of the last page of `store` (n albums): ms per page. */
function pageSampler(store: AlbumStore, n: number, pages: number) {
  const after = n - LIMIT;
  return async () => {
    const started = performance.now();
    for (let i = 0; i < pages; i++) {
      const page = await store.list({ after, limit: LIMIT });
      if (page[0]?.id !== after + 1 || page.length !== LIMIT) {
        throw new Error(
          `list({ after: ${after}, limit: ${LIMIT} }) returned ids ${page[0]?.id}…${page.at(-1)?.id} (${page.length}), expected ${after + 1}…${n}`,
        );
      }
    }
    return (performance.now() - started) / pages;
  };
}

export async function expectFlat(
  name: string,
  small: AlbumStore,
  large: AlbumStore,
  largeCount: number,
  pages: number,
) {
  const [smallMs, largeMs] = await alternatingMedians(
    pageSampler(small, SMALL, pages),
    pageSampler(large, largeCount, pages),
    SAMPLES,
  );
  const ratio = largeMs / Math.max(smallMs, 1e-4);
  const n = largeCount.toLocaleString('en-US');
  console.log(
    `${name}: page after ${(largeCount - LIMIT).toLocaleString('en-US')} of ${n}: ${largeMs.toFixed(3)} ms; of ${SMALL}: ${smallMs.toFixed(3)} ms (${ratio.toFixed(2)}×)`,
  );
  expect(
    ratio,
    `${name}: the last page of ${n} albums took ${ratio.toFixed(1)}× the last page of ${SMALL}: ` +
      'the store walks every album before the page (OFFSET, or a scan for the first id above ' +
      '`after`) instead of seeking to it by id',
  ).toBeLessThanOrEqual(MAX_RATIO);
}
