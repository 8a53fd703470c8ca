// The vector clock on its own: what each task's entry says, for the runtime's small ids and
// for any other id (a server's ten-thousandth request), and how two clocks combine.
import { VectorClock } from '@target/08-race-detector/vector-clock';
import { describe, expect, it } from 'vitest';

const { EMPTY } = VectorClock;

/** The entries of `tasks` in `clock`, and a failure line that names the rule `rule`. */
const entries = (clock: VectorClock, tasks: number[], rule: string) => {
  const values = tasks.map((task) => clock.of(task));
  const shared =
    new Set(values).size === 1
      ? ': every task reads the same number, one counter for everybody (a Lamport clock)'
      : '';
  return { values, why: `${rule} (entries of tasks ${tasks.join(', ')})${shared}` };
};

describe('VectorClock', () => {
  it('tick raises one task’s entry only, for small ids and large ones', () => {
    const clock = EMPTY.tick(3).tick(3).tick(255).tick(256).tick(1000);
    const after = entries(
      clock,
      [3, 255, 256, 1000, 4, 999],
      'after ticks of tasks 3, 3, 255, 256 and 1000, a tick raises its own task’s entry only',
    );
    expect(after.values, after.why).toEqual([2, 1, 1, 1, 0, 0]);
    expect(clock.tick(1000).of(1000), 'a tick raises its task’s entry by exactly one').toBe(2);
    expect(clock.of(1000), 'a clock never changes: tick makes a new one').toBe(1);
  });

  it('join takes the larger entry of each task; covers says whether one knows all the other does', () => {
    const a = EMPTY.tick(3).tick(1000);
    const b = EMPTY.tick(3).tick(3).tick(7);
    const later = a.tick(1000).tick(1000);
    const joined = a.join(b).join(later);
    const max = entries(joined, [3, 7, 1000, 5], 'a join takes the larger entry of each task');
    expect(max.values, max.why).toEqual([2, 1, 3, 0]);
    expect(
      joined.covers(a) && joined.covers(b) && joined.covers(later),
      'a join must cover each clock it joined',
    ).toBe(true);
    expect(a.covers(b), 'a has not seen task 7').toBe(false);
    expect(b.covers(a), 'b has not seen task 1000').toBe(false);
    expect(a.covers(later), 'later knows more of task 1000').toBe(false);
    expect(later.covers(a), 'later has seen everything a has').toBe(true);
    expect(a.join(later).of(1000), 'a large id’s entry is merged too').toBe(3);
    expect(later.join(a).of(1000), 'a join must not depend on its order').toBe(3);
    expect(
      joined.knows(1000, 3) && !joined.knows(1000, 4),
      'the join knows task 1000 up to epoch 3, and not epoch 4',
    ).toBe(true);
  });

  it('join of two clocks neither of which covers the other keeps the larger large-id entry', () => {
    const ahead = EMPTY.tick(1000).tick(1000).tick(5);
    const behind = EMPTY.tick(1000).tick(7);
    for (const joined of [ahead.join(behind), behind.join(ahead)]) {
      const max = entries(joined, [1000, 5, 7], 'a join takes the larger entry of each task');
      expect(max.values, max.why).toEqual([2, 1, 1]);
    }
  });
});
