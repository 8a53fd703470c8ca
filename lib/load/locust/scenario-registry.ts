// The master hands out users by class name (its locustfile's User classes); a worker runs the
// scenario of that name. locustfile.py declares one class per scenario in ../scenarios/, named
// as the scenario's `name`. A name no scenario has is rejected with the names there are.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, type Scenario } from '../scenario.ts';

export const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

export class UnknownUserClassError extends Error {
  constructor(name: string, known: readonly string[]) {
    super(
      `the master asked for user class "${name}", but this worker has no scenario of that name ` +
        `(it has: ${known.join(', ')}). Name the class in the locustfile as the scenario's ` +
        '`name`, or pass its module with --scenario.',
    );
    this.name = 'UnknownUserClassError';
  }
}

export class ScenarioRegistry {
  private constructor(private readonly byName: ReadonlyMap<string, Scenario>) {}

  /** Every scenario in lib/load/scenarios/, plus the modules given (later names win). */
  static async load(extraModules: readonly string[] = []): Promise<ScenarioRegistry> {
    const files = readdirSync(SCENARIOS_DIR)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(SCENARIOS_DIR, file));
    const byName = new Map<string, Scenario>();
    for (const file of [...files, ...extraModules.map((path) => resolve(path))]) {
      const scenario = await loadScenario(file);
      byName.set(scenario.name, scenario);
    }
    return new ScenarioRegistry(byName);
  }

  static of(scenarios: readonly Scenario[]): ScenarioRegistry {
    return new ScenarioRegistry(new Map(scenarios.map((scenario) => [scenario.name, scenario])));
  }

  get names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** The scenario for a user class name; throws UnknownUserClassError. */
  get(name: string): Scenario {
    const scenario = this.byName.get(name);
    if (!scenario) throw new UnknownUserClassError(name, this.names);
    return scenario;
  }
}
