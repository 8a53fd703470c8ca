import { describe, expect, it } from 'vitest';
import { defineScenario, task, taskPicker } from '../../lib/load/scenario.ts';
import albums from '../../lib/load/scenarios/albums.ts';
import { between, constant, constantPacing } from '../../lib/load/wait.ts';
import { seededRandom } from '../../lib/random.ts';

describe('weighted tasks', () => {
  it('the default scenario picks list : get : create as 3 : 2 : 1 over 10,000 seeded picks', () => {
    const pick = taskPicker(albums.tasks);
    const random = seededRandom(2024);
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const { name } = pick(random());
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const share = (name: string) => (counts.get(name) ?? 0) / 10_000;
    expect(share('list albums')).toBeCloseTo(3 / 6, 1);
    expect(Math.abs(share('list albums') - 3 / 6)).toBeLessThan(0.03);
    expect(Math.abs(share('get one album') - 2 / 6)).toBeLessThan(0.03);
    expect(Math.abs(share('create an album') - 1 / 6)).toBeLessThan(0.03);
  });

  it('maps a uniform draw onto the cumulative weights, boundaries included', () => {
    const pick = taskPicker([
      task(3, 'a', () => {}),
      task(2, 'b', () => {}),
      task(1, 'c', () => {}),
    ]);
    const names = [0, 0.4999, 0.5, 0.8333, 0.8334, 0.99999].map((draw) => pick(draw).name);
    expect(names).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });

  it('rejects a scenario without tasks or with a weight that is not positive', () => {
    const base = { name: 's', wait: constant(0), state: () => undefined };
    expect(() => defineScenario({ ...base, tasks: [] })).toThrow(/no tasks/);
    expect(() => defineScenario({ ...base, tasks: [task(0, 'zero', () => {})] })).toThrow(
      /positive weight/,
    );
  });
});

describe('wait times (seconds, as in a locustfile)', () => {
  it('between(a, b) is uniform in [a, b], constant(t) is t, constantPacing(t) makes up the rest', () => {
    const random = seededRandom(3);
    const waits = Array.from({ length: 1000 }, () => between(1, 3)({ random, taskMs: 0 }));
    expect(Math.min(...waits)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(3000);
    expect(waits.reduce((a, b) => a + b, 0) / waits.length).toBeCloseTo(2000, -2);
    expect(constant(0.25)({ random, taskMs: 40 })).toBe(250);
    expect(constantPacing(1)({ random, taskMs: 300 })).toBe(700);
    expect(constantPacing(1)({ random, taskMs: 1300 })).toBe(0);
    expect(() => between(2, 1)).toThrow(/below min/);
  });
});
