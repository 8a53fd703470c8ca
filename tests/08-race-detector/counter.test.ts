// Experiment A under the detector: the report `go run -race` printed, from your core.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCounter } from '../../lib/race/counter-demo.ts';
import { trackStore } from '../../lib/race/tracked-store.ts';
import { scheduledStore } from '../support/scheduled-store.ts';
import { naiveIncrement } from './naive-counter.ts';
import { lineOf, newRace, pairs, records, reports } from './under-race.ts';

const count = (n: number) => n.toLocaleString('en-US');
const READ = lineOf('naive-counter.ts', 'await store.get(key)');
const WRITE = lineOf('naive-counter.ts', 'await store.set(key');

describe('the naive counter of experiment A', () => {
  it('at kata 01’s scale (50 tasks × 1,000 get-then-set): races are reported', async () => {
    // Sites off: the stack capture of 100,000 accesses is most of the detector's cost, and
    // whether there is a race does not depend on it. The lines are the next spec's business.
    const race = newRace({ sites: false });
    const { total, expected } = await runCounter(race, naiveIncrement, 50, 1000);
    const found = race.races().length;
    expect(
      found,
      `${found} races reported for a counter that lost ${count(expected - total)} of ${count(expected)} updates`,
    ).toBeGreaterThan(0);
  });

  it('10 tasks × 10: a read/write race and a write/write race, naming both tasks and lines', async () => {
    const race = newRace();
    const { total, expected } = await runCounter(race, naiveIncrement, 10, 10);
    expect(
      pairs(race).sort(),
      `a counter that lost ${expected - total} of ${expected} updates must get two race ` +
        `reports, read/write and write/write, naming the lines (${WRITE}, ${READ}); it got ` +
        `${race.races().length}${race.races().length > 0 ? `:\n${reports(race)}` : ''}`,
    ).toEqual([`write ${WRITE} / read ${READ}`, `write ${WRITE} / write ${WRITE}`]);
    for (const record of records(race)) {
      expect(record.location).toBe('store:hits');
      expect(record.current.task, 'the two accesses come from two different tasks').not.toBe(
        record.previous.task,
      );
      expect([record.current.task, record.previous.task]).not.toContain(0);
      expect(record.current.createdAt.length, 'where the task was started').toBeGreaterThan(0);
    }
  });
});

describe('predictive: two tasks, each one get-then-set, every order (fast-check scheduler)', () => {
  it('reports the race also from runs in which no update was lost', async () => {
    let runsWithoutLoss = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), async (s) => {
        const race = newRace();
        const { store, clientFor } = scheduledStore(s);
        const tasks = [0, 1].map((t) =>
          race.go(() => naiveIncrement(trackStore(race, clientFor(t)), 'n')),
        );
        await s.waitFor(Promise.all(tasks));
        const lost = store.peek('n') < 2;
        if (!lost) runsWithoutLoss++;
        expect(
          pairs(race),
          `no race reported from a run that ${lost ? 'lost an update' : 'lost nothing'}`,
        ).toContain(`write ${WRITE} / read ${READ}`);
      }),
      { seed: 20_260_808, numRuns: 100 },
    );
    expect(runsWithoutLoss, 'no run lost nothing: the prediction was never tested').toBeGreaterThan(
      0,
    );
  });
});
