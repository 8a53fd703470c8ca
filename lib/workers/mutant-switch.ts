// Mutation testing (`npm run mutation -- NN`) reaches into worker threads through here.
// Stryker's instrumented code asks one global, `globalThis.__stryker__`, which mutant is
// active and counts there which mutants it ran. The test thread has that global; a worker
// starts with an empty one, so without this it would run unmutated code and report that
// no test covers its mutants. So the pool hands the active mutant to every worker it
// starts, and each worker hands the coverage it gathered back with every message.
// Outside a mutation run the global is absent and every function here does nothing.

/** Coverage as Stryker counts it: mutant id → times reached. */
export type MutantHits = Record<string, number>;

/** What a worker needs to run the same mutant as the test thread that started it. */
export interface MutantSwitch {
  activeMutant?: string;
  hitLimit?: number;
}

interface StrykerNamespace extends MutantSwitch {
  hitCount?: number;
  currentTestId?: string;
  mutantCoverage?: { static: MutantHits; perTest: Record<string, MutantHits> };
}

// The instrumenter's namespace (INSTRUMENTER_CONSTANTS.NAMESPACE in @stryker-mutator/api).
const NAMESPACE = '__stryker__';

const namespace = (): StrykerNamespace | undefined =>
  (globalThis as Record<string, unknown>)[NAMESPACE] as StrykerNamespace | undefined;

/**
 * Instrumented code counts every mutant it reaches, so a worker runs several times slower
 * during a mutation run, on a machine that runs many of them: the pool's deadlines are this
 * many times longer then. Stryker's own timeout still bounds a mutant that really hangs.
 */
export const MUTATION_SLOWDOWN = 10;

/** Host: how much longer the pool's deadlines are now (1 outside a mutation run). */
export function deadlineScale(): number {
  return namespace() ? MUTATION_SLOWDOWN : 1;
}

/** Host: the mutant switch to hand a new worker, or undefined outside a mutation run. */
export function mutantSwitchForWorker(): MutantSwitch | undefined {
  const ns = namespace();
  if (!ns) return undefined;
  return { activeMutant: ns.activeMutant, hitLimit: ns.hitLimit };
}

/** Worker, before any instrumented module loads: run the host's mutant. */
export function adoptMutantSwitch(mutant: MutantSwitch | undefined): void {
  if (!mutant) return;
  const ns: StrykerNamespace = { hitLimit: mutant.hitLimit };
  if (mutant.activeMutant !== undefined) {
    ns.activeMutant = mutant.activeMutant;
    // An infinite-loop mutant in a worker stops at the host's hit limit, as it would there.
    if (mutant.hitLimit !== undefined) ns.hitCount = 0;
  }
  (globalThis as Record<string, unknown>)[NAMESPACE] = ns;
}

/**
 * Worker: the coverage gathered since the last call, emptied in place (the instrumented
 * code keeps a reference to these objects), or undefined when there is none.
 */
export function takeMutantHits(): MutantHits | undefined {
  const coverage = namespace()?.mutantCoverage;
  if (!coverage) return undefined;
  const hits: MutantHits = {};
  const sources = [coverage.static, ...Object.values(coverage.perTest)];
  for (const source of sources) {
    for (const [id, count] of Object.entries(source)) {
      hits[id] = (hits[id] ?? 0) + count;
      delete source[id];
    }
  }
  return Object.keys(hits).length > 0 ? hits : undefined;
}

/** Host: count a worker's coverage for the test running now (or as static, between tests). */
export function addMutantHits(hits: MutantHits | undefined): void {
  const ns = namespace();
  if (!ns || !hits) return;
  ns.mutantCoverage ??= { static: {}, perTest: {} };
  const { perTest } = ns.mutantCoverage;
  const testId = ns.currentTestId;
  if (testId && !perTest[testId]) perTest[testId] = {};
  const into = testId ? perTest[testId]! : ns.mutantCoverage.static;
  for (const [id, count] of Object.entries(hits)) into[id] = (into[id] ?? 0) + count;
}
