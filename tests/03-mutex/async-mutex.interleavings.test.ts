// fast-check's scheduler decides when each task arrives and when each await inside a
// critical section resumes; from a fixed seed it explores many orders and prints the one
// that broke the invariant.
import { AsyncMutex } from '@target/03-mutex/async-mutex';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tracedScheduler, watchShared } from '../../lib/interleavings/trace.ts';
import { expectNoLostUpdates } from '../support/lost-updates.ts';

const SEED = 20_260_303;
const RUNS = 100;
const tasks = fc.integer({ min: 2, max: 5 });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('AsyncMutex in every order of 2–5 tasks (fast-check scheduler, fixed seed)', () => {
  it('read, await, write under the lock loses no update, one task inside at a time', async () => {
    await fc.assert(
      fc.asyncProperty(tracedScheduler(), tasks, async (s, n) => {
        const mutex = new AsyncMutex();
        let value = 0;
        let inside = 0;
        watchShared('value (inside)', () => `${value} (${inside})`);
        let mostInside = 0;
        const task = async (t: number) => {
          await s.schedule(Promise.resolve(), `task ${t}: arrives`);
          await mutex.runExclusive(async () => {
            mostInside = Math.max(mostInside, ++inside);
            const read = value;
            await s.schedule(Promise.resolve(), `task ${t}: read ${read}, writes ${read + 1}`);
            value = read + 1;
            inside--;
          });
        };
        await s.waitFor(Promise.all(range(n).map(task)));
        expectNoLostUpdates(value, n, `${n} tasks, read-await-write under the mutex`);
        expect(mostInside, `${mostInside} tasks were inside the lock at once`).toBe(1);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('grants the lock in the order it was asked for, across re-locks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), tasks, async (s, n) => {
        const mutex = new AsyncMutex();
        const asked: number[] = [];
        const granted: number[] = [];
        const lock = async (t: number) => {
          asked.push(t);
          const release = await mutex.lock();
          granted.push(t);
          return release;
        };
        const task = async (t: number) => {
          await s.schedule(Promise.resolve(), `task ${t}: arrives`);
          const first = await lock(t);
          await s.schedule(Promise.resolve(), `task ${t}: works`);
          // Release and ask again in one synchronous step: no barging past the waiters.
          first();
          const second = await lock(t);
          await s.schedule(Promise.resolve(), `task ${t}: works again`);
          second();
        };
        await s.waitFor(Promise.all(range(n).map(task)));
        expect(granted, 'the lock was not granted in the order it was asked for').toEqual(asked);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
