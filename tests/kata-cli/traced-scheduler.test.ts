// `replay` re-executes a failing order from its seed and path alone. For a shrunk
// counterexample that holds only if every copy of the scheduler picks the same steps (with
// fast-check's own scheduler, seeds 2 and 4 below replay another order, or none that fails).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outcome } from '../../lib/interleavings/replay.ts';
import { tracedScheduler } from '../../lib/interleavings/trace.ts';

/**
 * Fails when 2–8 get-then-set increments lose two updates or more: shrinking then tries
 * smaller counts that pass before it settles, as a learner's failing spec does.
 */
const losesAtMostOne = fc.asyncProperty(
  tracedScheduler(),
  fc.integer({ min: 2, max: 8 }),
  async (s, tasks) => {
    let n = 0;
    const increment = async (t: number) => {
      const read = await s.schedule(Promise.resolve(n), `task ${t}: get(n)`);
      await s.schedule(Promise.resolve(), `task ${t}: set(n)`);
      n = read + 1;
    };
    await s.waitFor(Promise.all(Array.from({ length: tasks }, (_, t) => increment(t))));
    if (tasks - n >= 2) throw new Error(`lost ${tasks - n} of ${tasks} updates`);
  },
);

describe('a traced scheduler', () => {
  it('re-executes a shrunk failing order from its seed and path', async () => {
    const paths: string[] = [];
    for (let seed = 1; seed <= 8; seed++) {
      const found = await fc.check(losesAtMostOne, { seed, numRuns: 100 });
      expect(found.failed, `seed ${seed}: no losing order found`).toBe(true);
      paths.push(found.counterexamplePath!);
      const again = await fc.check(losesAtMostOne, {
        seed,
        path: found.counterexamplePath!,
        endOnFailure: true,
      });
      expect(again.failed, `seed ${seed}: the recorded path passed when replayed`).toBe(true);
      expect(
        String(again.counterexample?.[0]),
        `seed ${seed}: the replay of path ${found.counterexamplePath} ran another order`,
      ).toBe(String(found.counterexample?.[0]));
    }
    expect(paths.filter((path) => path.includes(':')).length, 'nothing was shrunk').toBeGreaterThan(
      4,
    );
  });
});

describe("the replay's last line", () => {
  it("keeps the spec's own words and drops the matcher's when the spec named the phenomenon", () => {
    expect(
      outcome(
        'lost 1 of 2 updates (2 concurrent increments): the counter ended at 1: expected 1 to be 2 // Object.is equality\n  at …',
      ),
    ).toBe('lost 1 of 2 updates (2 concurrent increments): the counter ended at 1');
  });

  it("keeps the matcher's words when they are all there is", () => {
    for (const bare of [
      'expected 1 to be 2 // Object.is equality',
      'AssertionError: expected 1 to be 2 // Object.is equality',
      'Error: the lock was held twice',
    ]) {
      expect(outcome(`${bare}\nstack`)).toBe(bare);
    }
  });
});
