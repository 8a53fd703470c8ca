// The memory the kata starts from (lib/shared-memory/striped-buffer.ts): one buffer holding N
// lock slots and N maps, rebuilt from the buffer alone in any thread.
import { describe, expect, it } from 'vitest';
import { createStripedBuffer, openStripes } from '../../lib/shared-memory/striped-buffer.ts';

const CACHE_LINE = 64;

describe('createStripedBuffer / openStripes', () => {
  it('gives every stripe its own map of the asked capacity and its own zeroed lock words', () => {
    const lockWords = 5;
    const buffer = createStripedBuffer(8, 16, lockWords);
    const stripes = openStripes(buffer);
    expect(stripes).toHaveLength(8);
    const words = new Int32Array(buffer);
    const lockLines = new Map<number, number>();
    stripes.forEach(({ lockIndex, map }, stripe) => {
      expect(map.capacity, `stripe ${stripe}'s capacity`).toBe(16);
      expect([...words.subarray(lockIndex, lockIndex + lockWords)], `lock ${stripe}`).toEqual([
        0, 0, 0, 0, 0,
      ]);
      for (let word = lockIndex; word < lockIndex + lockWords; word++) {
        const line = Math.floor((word * 4) / CACHE_LINE);
        const owner = lockLines.get(line) ?? stripe;
        expect(owner, `stripes ${owner} and ${stripe} have lock words on one cache line`).toBe(
          stripe,
        );
        lockLines.set(line, stripe);
      }
    });
    // Writing through one stripe's map is seen by no other, and by the same stripe reopened.
    for (const [stripe, { map }] of stripes.entries()) map.set(stripe, stripe * 10);
    const reopened = openStripes(buffer);
    reopened.forEach(({ map, lockIndex }, stripe) => {
      expect([...map.entries()], `stripe ${stripe} reopened`).toEqual([[stripe, stripe * 10]]);
      expect(lockIndex).toBe(stripes[stripe]!.lockIndex);
      // The lock words lie before every map: no map write lands on a lock.
      expect(lockIndex * 4 + lockWords * 4).toBeLessThanOrEqual(map.words.byteOffset);
    });
  });

  it('rejects a stripe count below 1 or not whole, and says what it got', () => {
    for (const stripes of [0, -1, 1.5, Number.NaN]) {
      expect(() => createStripedBuffer(stripes, 16, 5), `${stripes} stripes`).toThrow(
        expect.objectContaining({
          name: 'RangeError',
          message: expect.stringContaining(`got ${stripes}`),
        }),
      );
    }
    expect(openStripes(createStripedBuffer(1, 2, 1))).toHaveLength(1);
  });
});
