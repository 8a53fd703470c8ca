// Mutation testing reaches worker threads: the pool hands the test thread's active mutant to
// every worker, and the workers' coverage comes back to the test that was running.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { deadlineScale, MUTATION_SLOWDOWN } from '../../lib/workers/mutant-switch.ts';
import { runWorkers } from '../../lib/workers/pool.ts';
import { PLANTED } from './fixtures/planted-mutant.ts';

const entry = fileURLToPath(new URL('./fixtures/planted-mutant.worker.ts', import.meta.url));
const WORKERS = 2;

interface Namespace {
  activeMutant?: string;
  currentTestId?: string;
  mutantCoverage?: {
    static: Record<string, number>;
    perTest: Record<string, Record<string, number>>;
  };
}
const global = globalThis as { __stryker__?: Namespace };

const addInWorkers = () =>
  runWorkers<undefined, number>({ entry, count: WORKERS, data: () => undefined });

describe('a mutant planted in a module that only worker threads load', () => {
  // Importing PLANTED created the namespace in this thread, as instrumented code does.
  afterEach(() => {
    delete global.__stryker__;
  });

  it('outside a mutation run, workers run the original code', async () => {
    delete global.__stryker__;
    expect(await addInWorkers()).toEqual([5, 5]);
    expect(global.__stryker__, 'the pool left a namespace behind').toBeUndefined();
  });

  it('is active in every worker when it is active in the test thread', async () => {
    global.__stryker__ = { activeMutant: PLANTED };
    expect(await addInWorkers(), 'the workers ran unmutated code').toEqual([-1, -1]);
  });

  it("counts the workers' coverage for the test that was running", async () => {
    global.__stryker__ = { currentTestId: 'spec#dry run' };
    expect(await addInWorkers()).toEqual([5, 5]);
    const coverage = global.__stryker__.mutantCoverage?.perTest['spec#dry run'];
    expect(coverage, "the workers' coverage did not come back").toEqual({
      [PLANTED]: WORKERS,
    });
  });

  it("stretches the pool's deadlines only during a mutation run", () => {
    delete global.__stryker__;
    expect(deadlineScale()).toBe(1);
    global.__stryker__ = {};
    expect(deadlineScale()).toBe(MUTATION_SLOWDOWN);
  });
});
