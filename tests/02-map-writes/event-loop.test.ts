// The contrast: on the event loop, code between two awaits runs alone, and Map.set never
// awaits. Fifty tasks interleave at every await, yet no write can tear another.
import { expect, it } from 'vitest';
import { concurrently } from '../support/concurrently.ts';

it('50 async tasks × 1000 Map.set with awaits between them: exactly 50,000 entries', async () => {
  const map = new Map<number, number>();
  await concurrently(50, 1000, async (task, i) => map.set(task * 1000 + i, task));
  expect(map.size).toBe(50_000);
});
