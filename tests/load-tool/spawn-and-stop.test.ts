import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runLoad } from '../../lib/load/run.ts';
import { defineScenario, task } from '../../lib/load/scenario.ts';
import { constant } from '../../lib/load/wait.ts';
import { fakeRunDefaults, runInFakeTime, useFakeClock } from './fake-time.ts';

beforeEach(useFakeClock);
afterEach(() => {
  vi.useRealTimers();
});

/** Users that make no requests: they note when they start and when each task runs. */
function observedScenario() {
  const started: number[] = [];
  const taskTimes: number[] = [];
  const scenario = defineScenario({
    name: 'observed',
    wait: constant(0.5),
    state: () => undefined,
    onStart: () => {
      started.push(performance.now());
    },
    tasks: [
      task(1, 'note the time', () => {
        taskTimes.push(performance.now());
      }),
    ],
  });
  return { scenario, started, taskTimes };
}

describe('spawning (fake clock)', () => {
  it('adds users at the spawn rate: 10/s starts one every 100 ms', async () => {
    const { scenario, started } = observedScenario();
    const { stats } = await runInFakeTime({
      ...fakeRunDefaults,
      scenario,
      users: 30,
      spawnRate: 10,
      runTimeMs: 5_000,
    });
    const offsets = started.map((t) => Math.round(t - started[0]!));
    expect(offsets).toEqual(Array.from({ length: 30 }, (_, i) => i * 100));
    // The history's user counts climb 10 per second, then hold.
    const users = stats.history.map((row) => row.users);
    expect(users.slice(0, 4)).toEqual([10, 20, 30, 30]);
  });
});

describe('run time (fake clock)', () => {
  it('stops the run at its run time: not before, and no task starts after it', async () => {
    const { scenario, taskTimes } = observedScenario();
    const begin = performance.now();
    let ended = false;
    const running = runLoad({ ...fakeRunDefaults, scenario, users: 5, runTimeMs: 3_000 }).then(
      (result) => {
        ended = true;
        return result;
      },
    );
    await vi.advanceTimersByTimeAsync(2_900);
    expect(ended).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(ended).toBe(true);
    const { interrupted } = await running;
    expect(interrupted).toBe(false);
    expect(taskTimes.length).toBeGreaterThan(20);
    expect(Math.max(...taskTimes) - begin).toBeLessThan(3_000);
  });

  it('stops early on its signal (Ctrl-C) and says it was interrupted', async () => {
    const { scenario, taskTimes } = observedScenario();
    const stop = new AbortController();
    const begin = performance.now();
    setTimeout(() => stop.abort(), 1_000);
    const { interrupted, stats } = await runInFakeTime({
      ...fakeRunDefaults,
      scenario,
      users: 5,
      runTimeMs: 60_000,
      signal: stop.signal,
    });
    expect(interrupted).toBe(true);
    expect(Math.max(...taskTimes) - begin).toBeLessThan(1_000);
    expect(stats.history.length).toBeGreaterThanOrEqual(1);
  });
});

describe('a scenario that cannot create its users', () => {
  it('fails the run at once, with its reason, instead of running empty', async () => {
    const broken = defineScenario({
      name: 'broken',
      wait: constant(1),
      state: (): number => {
        throw new Error('no fixtures for this user');
      },
      tasks: [task(1, 'never', () => {})],
    });
    const begin = performance.now();
    await expect(
      runInFakeTime({ ...fakeRunDefaults, scenario: broken, users: 3, runTimeMs: 60_000 }),
    ).rejects.toThrow('no fixtures for this user');
    expect(performance.now() - begin).toBeLessThan(1_000);
  });
});
