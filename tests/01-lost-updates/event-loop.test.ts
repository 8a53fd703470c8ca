// Experiment A on one thread: every store operation is a round trip, and other tasks run
// while one awaits. A read-then-write across that gap loses updates.
import { increment, incrementWithRetry } from '@target/01-lost-updates/increment';
import { describe, expect, it } from 'vitest';
import { casOnly, SimulatedStore } from '../../lib/store/async-store.ts';
import { concurrently } from '../support/concurrently.ts';
import { expectNoLostUpdates } from '../support/lost-updates.ts';

const TASKS = 50;
const TIMES = 1000;

describe('50 async tasks × 1000 increments of one key (experiment A)', () => {
  it('increment ends at exactly 50,000', async () => {
    const store = new SimulatedStore();
    await concurrently(TASKS, TIMES, () => increment(store, 'hits'));
    expectNoLostUpdates(store.peek('hits'), TASKS * TIMES, 'increment');
  });

  it('incrementWithRetry ends at exactly 50,000 with only get, set and compareAndSet', async () => {
    const store = new SimulatedStore();
    await concurrently(TASKS, TIMES, () => incrementWithRetry(casOnly(store), 'hits'));
    expectNoLostUpdates(store.peek('hits'), TASKS * TIMES, 'incrementWithRetry');
  });

  it('incrementWithRetry writes only through compareAndSet', async () => {
    const store = new SimulatedStore();
    await concurrently(5, 10, () => incrementWithRetry(casOnly(store), 'hits'));
    expect(store.calls.set, 'a plain set can overwrite a concurrent update').toBe(0);
    expect(store.calls.compareAndSet).toBeGreaterThanOrEqual(50);
  });
});

// The README's claim: other processes use the same store, so a lock inside this process
// cannot protect it. Here the other process is a client that never calls this module.
describe('another process increments the same key meanwhile (50 tasks × 100 each side)', () => {
  const OTHERS = 50;
  const EACH = 100;
  const otherProcess = (store: SimulatedStore) =>
    concurrently(OTHERS, EACH, () => store.incr('hits'));

  it('increment loses none of its updates, nor theirs', async () => {
    const store = new SimulatedStore();
    await Promise.all([
      concurrently(TASKS, EACH, () => increment(store, 'hits')),
      otherProcess(store),
    ]);
    expectNoLostUpdates(
      store.peek('hits'),
      (TASKS + OTHERS) * EACH,
      'increment next to another process: a lock in this process does not stop it',
    );
  });

  it('incrementWithRetry loses none of its updates, nor theirs', async () => {
    const store = new SimulatedStore();
    await Promise.all([
      concurrently(TASKS, EACH, () => incrementWithRetry(casOnly(store), 'hits')),
      otherProcess(store),
    ]);
    expectNoLostUpdates(
      store.peek('hits'),
      (TASKS + OTHERS) * EACH,
      'incrementWithRetry next to another process: a lock in this process does not stop it',
    );
  });
});
