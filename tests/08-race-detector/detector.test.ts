// The core alone, fed by hand: each spec is a small program written as the calls lib/race
// would make. Tasks: 0 is main. Turns: numbers; equal numbers are one synchronous turn.
import { RaceDetector } from '@target/08-race-detector/detector';
import { describe, expect, it } from 'vitest';
import type { TaskId, Turn } from '../../lib/race/detector-api.ts';
import { namedSite } from '../../lib/race/site.ts';

const L = 'x';

/** A detector and shorthand: `r(task, turn, 'a.ts:1')` reads x at that site. */
function program() {
  const d = new RaceDetector();
  return {
    d,
    r: (task: TaskId, turn: Turn, where: string, location = L) =>
      d.read(task, turn, location, namedSite(where)),
    w: (task: TaskId, turn: Turn, where: string, location = L) =>
      d.write(task, turn, location, namedSite(where)),
    /** "write b / read a" for each race, in order. */
    found: () =>
      d
        .races()
        .map(
          (race) =>
            `${race.current.kind} ${race.current.site.key} by ${race.current.task} / ` +
            `${race.previous.kind} ${race.previous.site.key} by ${race.previous.task} at ${race.location}`,
        ),
  };
}

/**
 * The races found are exactly `expected` (or that many): the red line names the races missed
 * (unordered accesses the detector let through) or the extra ones (accesses that
 * happens-before orders, or a pair reported twice).
 */
function expectRaces(found: string[], expected: string[] | number): void {
  if (typeof expected === 'number') {
    const what = found.length === 0 ? 'none' : found.join('; ');
    expect(found, `${expected} races expected, the detector reported ${what}`).toHaveLength(
      expected,
    );
    return;
  }
  const missed = expected.filter((race) => !found.includes(race));
  const extra = found.filter((race) => !expected.includes(race));
  const why =
    missed.length > 0
      ? `missed race${missed.length > 1 ? 's' : ''} (unordered by happens-before): ${missed.join('; ')}`
      : extra.length > 0
        ? `reported what happens-before orders, or a pair twice: ${extra.join('; ')}`
        : 'the right races, in another order (the order of the accesses that completed them)';
  expect(found, why).toEqual(expected);
}

/** Two tasks forked from main, each reading x in turn 1 and writing it in turn 2. */
function twoSplitUpdates() {
  const p = program();
  p.d.fork(0, 1);
  p.d.fork(0, 2);
  return p;
}

describe('the rule: a split read-modify-write and another task’s unordered write', () => {
  it('interleaved (read, read, write, write): a write/write and a write/read race', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.r(2, 1, 'get');
    p.w(1, 2, 'set');
    expect(p.found(), 'nothing can race before the second write').toEqual([]);
    p.w(2, 2, 'set');
    expectRaces(p.found(), [
      'write set by 2 / write set by 1 at x',
      'write set by 2 / read get by 1 at x',
    ]);
  });

  it('predictive: one after the other in real time, still unordered: both races', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.r(2, 3, 'get');
    p.w(2, 4, 'set');
    expectRaces(p.found(), [
      'write set by 2 / write set by 1 at x',
      'write set by 2 / read get by 1 at x',
    ]);
  });

  it('a blind write of another task inside a split update races with its read', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(2, 1, 'blind');
    p.w(1, 2, 'set');
    expectRaces(p.found(), ['write set by 1 / write blind by 2 at x']);
  });

  it('a write site already reported elsewhere still races with new sites at another location', () => {
    // `set` races with `get` and `set` at x; at y it meets sites it never met (`peek`, `poke`):
    // a skip that trusts the pairs reported so far must look at the sites of y, not only count.
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.r(2, 3, 'get');
    p.w(2, 4, 'set');
    p.d.fork(0, 3);
    p.d.fork(0, 4);
    p.r(3, 5, 'peek', 'y');
    p.w(3, 6, 'poke', 'y');
    p.w(4, 7, 'set', 'y');
    expectRaces(p.found(), [
      'write set by 2 / write set by 1 at x',
      'write set by 2 / read get by 1 at x',
      'write set by 4 / read peek by 3 at y',
    ]);
  });

  it('a blind write after a split update of another task races with its read', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.w(2, 3, 'blind');
    expectRaces(p.found(), ['write blind by 2 / read get by 1 at x']);
  });

  it('read and write in one turn never pair, whatever the others do', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 1, 'set');
    p.r(2, 1, 'get');
    p.w(2, 1, 'set');
    p.r(1, 2, 'get');
    p.w(1, 2, 'set');
    expectRaces(p.found(), []);
  });

  it('blind writes alone are no race (nothing read is overwritten)', () => {
    const p = twoSplitUpdates();
    p.w(1, 1, 'a');
    p.w(2, 1, 'b');
    p.w(1, 2, 'a');
    p.w(2, 2, 'b');
    expectRaces(p.found(), []);
  });

  it('reads alone are no race, in any turns', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'a');
    p.r(2, 1, 'b');
    p.r(1, 2, 'a');
    p.r(2, 3, 'b');
    expectRaces(p.found(), []);
  });

  it('a read-modify-write of one task only, across turns, is no race', () => {
    const p = program();
    p.d.fork(0, 1);
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.r(1, 3, 'get');
    p.w(1, 4, 'set');
    expectRaces(p.found(), []);
  });

  it('different locations never race', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get', 'x');
    p.r(2, 1, 'get', 'y');
    p.w(1, 2, 'set', 'x');
    p.w(2, 2, 'set', 'y');
    expectRaces(p.found(), []);
  });

  it('the earliest read counts: a later read in the write’s turn does not hide it', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'length');
    p.w(2, 1, 'push');
    p.r(1, 2, 'push');
    p.w(1, 2, 'push');
    expectRaces(p.found(), ['write push by 1 / write push by 2 at x']);
  });

  it('a write ends the update: the next read starts a new one', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 1, 'set');
    p.w(2, 2, 'other');
    p.r(1, 3, 'get2');
    p.w(1, 3, 'set2');
    expectRaces(p.found(), []);
  });

  it('each pair of sites is reported once', () => {
    const p = twoSplitUpdates();
    p.d.fork(0, 3);
    for (const task of [1, 2, 3]) p.r(task, 1, 'get');
    for (const task of [1, 2, 3]) p.w(task, 2, 'set');
    for (const task of [1, 2, 3]) p.r(task, 3, 'get');
    for (const task of [1, 2, 3]) p.w(task, 4, 'set');
    expectRaces(p.found(), [
      'write set by 2 / write set by 1 at x',
      'write set by 2 / read get by 1 at x',
    ]);
  });

  it('races() is a copy: changing it does not change the detector', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.w(2, 3, 'blind');
    p.d.races().pop();
    expect(p.d.races(), 'popping from what races() returned removed the race itself').toHaveLength(
      1,
    );
  });
});

describe('happens-before', () => {
  it('fork: what the parent did before starting a task is ordered before it', () => {
    const p = program();
    p.r(0, 1, 'main get');
    p.w(0, 2, 'main set');
    p.d.fork(0, 1);
    p.r(1, 3, 'get');
    p.w(1, 4, 'set');
    expectRaces(p.found(), []);
  });

  it('fork: what the parent does after starting a task is not', () => {
    const p = program();
    p.d.fork(0, 1);
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.w(0, 3, 'main set');
    expectRaces(p.found(), ['write main set by 0 / read get by 1 at x']);
  });

  it('join: what a task did is ordered before what its awaiter does next', () => {
    const p = program();
    p.d.fork(0, 1);
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.d.join(1, 0);
    p.r(0, 3, 'main get');
    p.w(0, 4, 'main set');
    p.d.fork(0, 2);
    p.r(2, 5, 'get2');
    p.w(2, 6, 'set2');
    expectRaces(p.found(), []);
  });

  it('join orders one task only: a sibling stays unordered', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.d.join(1, 0);
    p.w(0, 3, 'main set');
    expect(p.found(), 'main goes on after task 1 ended').toEqual([]);
    p.r(2, 4, 'get2');
    p.w(2, 5, 'set2');
    expectRaces(p.found(), [
      'write set2 by 2 / write set by 1 at x',
      'write set2 by 2 / write main set by 0 at x',
      'write set2 by 2 / read get by 1 at x',
    ]);
  });

  it('a task that goes on after being joined is not ordered before its joiner’s later work', () => {
    const p = program();
    p.d.fork(0, 1);
    p.d.join(1, 0);
    p.r(1, 1, 'late get');
    p.w(1, 2, 'late set');
    p.w(0, 3, 'main set');
    expectRaces(p.found(), ['write main set by 0 / read late get by 1 at x']);
  });

  it('release then acquire of one lock orders the two critical sections', () => {
    const p = twoSplitUpdates();
    const lock = {};
    p.d.acquire(1, lock);
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.d.release(1, lock);
    p.d.acquire(2, lock);
    p.r(2, 3, 'get');
    p.w(2, 4, 'set');
    p.d.release(2, lock);
    expectRaces(p.found(), []);
  });

  it('a release orders only what came before it', () => {
    const p = twoSplitUpdates();
    const lock = {};
    p.d.release(1, lock);
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.d.acquire(2, lock);
    p.r(2, 3, 'get2');
    p.w(2, 4, 'set2');
    expectRaces(p.found(), [
      'write set2 by 2 / write set by 1 at x',
      'write set2 by 2 / read get by 1 at x',
    ]);
  });

  it('two different locks do not order each other', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.d.release(1, 'lock a');
    p.d.acquire(2, 'lock b');
    p.r(2, 3, 'get2');
    p.w(2, 4, 'set2');
    expectRaces(p.found(), 2);
  });

  it('an acquire of a lock nobody released orders nothing', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.d.acquire(2, 'never released');
    p.r(2, 3, 'get2');
    p.w(2, 4, 'set2');
    expectRaces(p.found(), 2);
  });

  it('happens-before is transitive: 1 → 2 by one lock, 2 → 3 by another', () => {
    const p = twoSplitUpdates();
    p.d.fork(0, 3);
    p.r(1, 1, 'get');
    p.w(1, 2, 'set');
    p.d.release(1, 'a');
    p.d.acquire(2, 'a');
    p.d.release(2, 'b');
    p.d.acquire(3, 'b');
    p.r(3, 3, 'get3');
    p.w(3, 4, 'set3');
    expectRaces(p.found(), []);
  });

  it('a lock accumulates: releases by two tasks are both seen by the next acquire', () => {
    const p = twoSplitUpdates();
    p.d.fork(0, 3);
    p.r(1, 1, 'get1', 'x');
    p.w(1, 2, 'set1', 'x');
    p.d.release(1, 'readers');
    p.r(2, 1, 'get2', 'y');
    p.w(2, 2, 'set2', 'y');
    p.d.release(2, 'readers');
    p.d.acquire(3, 'readers');
    for (const location of ['x', 'y']) {
      p.r(3, 3, 'get3', location);
      p.w(3, 4, 'set3', location);
    }
    expectRaces(p.found(), []);
  });

  it('a write ordered between a read and its write is no race (ordered with both)', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.d.release(1, 'a');
    p.d.acquire(2, 'a');
    p.w(2, 1, 'middle');
    p.d.release(2, 'b');
    p.d.acquire(1, 'b');
    p.w(1, 2, 'set');
    expectRaces(p.found(), []);
  });

  it('a write after the read but unordered with the write races', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.d.release(1, 'a');
    p.d.acquire(2, 'a');
    p.w(2, 1, 'middle');
    p.w(1, 2, 'set');
    expectRaces(p.found(), ['write set by 1 / write middle by 2 at x']);
  });

  it('a later write ordered after the read, unordered with the update’s write, names that write', () => {
    const p = twoSplitUpdates();
    p.r(1, 1, 'get');
    p.d.release(1, 'a');
    p.w(1, 2, 'set');
    p.d.acquire(2, 'a');
    p.w(2, 3, 'after');
    expectRaces(p.found(), ['write after by 2 / write set by 1 at x']);
  });

  it('an unordered write before a read of the same turn as its own write is harmless', () => {
    const p = twoSplitUpdates();
    p.w(2, 1, 'blind');
    p.r(1, 2, 'get');
    p.w(1, 2, 'set');
    expectRaces(p.found(), []);
  });

  it('end(): a finished task’s pending reads are dropped (bounded memory for a server)', () => {
    const p = program();
    p.d.fork(0, 1);
    p.r(1, 1, 'get');
    p.d.end?.(1);
    p.w(1, 2, 'set');
    p.d.fork(0, 2);
    p.w(2, 3, 'blind');
    expectRaces(p.found(), []);
  });
});
