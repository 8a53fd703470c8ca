// Scenarios are this repository's locustfiles: a user with weighted tasks, a wait time
// between tasks, and per-user state. A scenario module's default export is a Scenario.
import type { LoadClient } from './client.ts';
import { constant, type WaitTime } from './wait.ts';

export interface VirtualUser<S = unknown> {
  /** 0 … users − 1 across all worker threads. */
  readonly id: number;
  readonly client: LoadClient;
  /** Seeded per user: the same seed replays the same choices. */
  readonly random: () => number;
  readonly state: S;
}

export interface TaskDefinition<S = unknown> {
  name: string;
  /** Relative frequency, like Locust's `@task(3)`. */
  weight: number;
  run(user: VirtualUser<S>): Promise<void> | void;
}

export interface Scenario<S = unknown> {
  name: string;
  /** Between tasks in the closed model; the open model's schedule ignores it. */
  wait: WaitTime;
  /** A fresh state for each user. */
  state: () => S;
  /** Once per user before its first task (Locust's `on_start`). */
  onStart?(user: VirtualUser<S>): Promise<void> | void;
  tasks: TaskDefinition<S>[];
}

export function task<S>(
  weight: number,
  name: string,
  run: TaskDefinition<S>['run'],
): TaskDefinition<S> {
  return { weight, name, run };
}

export function defineScenario<S>(scenario: Scenario<S>): Scenario<S> {
  if (scenario.tasks.length === 0) throw new Error(`scenario "${scenario.name}" has no tasks`);
  for (const { name, weight } of scenario.tasks) {
    if (!(Number.isFinite(weight) && weight > 0)) {
      throw new RangeError(`task "${name}" needs a positive weight; got ${weight}`);
    }
  }
  return scenario;
}

/** Users that GET one path back to back, no wait: for a generator's top speed, or a stall. */
export function getLoop(name: string, path: string): Scenario<undefined> {
  return defineScenario<undefined>({
    name,
    wait: constant(0),
    state: () => undefined,
    tasks: [
      task(1, `GET ${path}`, async (user) => {
        await user.client.get(path);
      }),
    ],
  });
}

/** Picks a task with probability weight / total weight, from one uniform draw in [0, 1). */
export function taskPicker<S>(
  tasks: readonly TaskDefinition<S>[],
): (draw: number) => TaskDefinition<S> {
  const cumulative: number[] = [];
  let total = 0;
  for (const { weight } of tasks) {
    total += weight;
    cumulative.push(total);
  }
  return (draw) => {
    const target = draw * total;
    let index = 0;
    while (index < cumulative.length - 1 && cumulative[index]! <= target) index++;
    return tasks[index]!;
  };
}

/** Loads a scenario module (a `.ts` file whose default export is a Scenario). */
export async function loadScenario(modulePath: string): Promise<Scenario> {
  const { pathToFileURL } = await import('node:url');
  const loaded = (await import(pathToFileURL(modulePath).href)) as { default?: Scenario };
  const scenario = loaded.default;
  if (!scenario || !Array.isArray(scenario.tasks) || typeof scenario.wait !== 'function') {
    throw new Error(`${modulePath} must export default defineScenario({ … })`);
  }
  return scenario;
}
