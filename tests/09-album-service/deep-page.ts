// The deep-page measurement shared by the memory and SQL specs: the last page of a large store
// against the last page of a small one, sampled alternately, medians compared.
import { expect } from 'vitest';
import type { AlbumStore } from '../../lib/album/album-store.ts';

export const SMALL = 200;
const LIMIT = 100;
const SAMPLES = 11;
export const MAX_RATIO = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

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
  const sampleSmall = pageSampler(small, SMALL, pages);
  const sampleLarge = pageSampler(large, largeCount, pages);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  // Alternate the two, so a burst of load from elsewhere hits both alike; two warm-up rounds.
  for (let round = -2; round < SAMPLES; round++) {
    const s = await sampleSmall();
    const l = await sampleLarge();
    if (round < 0) continue;
    smallTimes.push(s);
    largeTimes.push(l);
  }
  const ratio = median(largeTimes) / Math.max(median(smallTimes), 1e-4);
  const n = largeCount.toLocaleString('en-US');
  console.log(
    `${name}: page after ${(largeCount - LIMIT).toLocaleString('en-US')} of ${n}: ${median(largeTimes).toFixed(3)} ms; of ${SMALL}: ${median(smallTimes).toFixed(3)} ms (${ratio.toFixed(2)}×)`,
  );
  expect(
    ratio,
    `${name}: the last page of ${n} albums took ${ratio.toFixed(1)}× the last page of ${SMALL}: ` +
      'the store walks every album before the page (OFFSET, or a scan for the first id above ' +
      '`after`) instead of seeking to it by id',
  ).toBeLessThanOrEqual(MAX_RATIO);
}
