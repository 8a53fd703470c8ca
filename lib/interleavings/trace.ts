// The shared value a scheduler spec is about (the counter, the store's key), read before every
// step fast-check's scheduler releases and once at the end. `replay` re-executes the failing
// order and shows, for each numbered step, the value before and after it.
import fc from 'fast-check';

interface Watched {
  name: string;
  read: () => unknown;
  /** The value before each step, in the order the scheduler released them. */
  before: string[];
}

let watched: Watched | undefined;

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Called at the start of each run of a scheduler property: what `name` is, and how to read it. */
export function watchShared(name: string, read: () => unknown): void {
  watched = { name, read, before: [] };
}

const act = (step: () => Promise<unknown>) => {
  if (watched) watched.before.push(show(watched.read()));
  return step();
};

/**
 * A scheduler that picks its steps from `seed`, and whose every copy starts over from it.
 * fast-check's own copies of a scheduler share one random source, so while it shrinks, each
 * candidate gets the picks the previous one left over, and the recorded path (the one `replay`
 * re-executes) ran in an order that path alone does not give back: the replay then passed.
 */
function seededScheduler(seed: number): fc.Scheduler {
  const [scheduler] = fc.sample(fc.scheduler({ act }), { seed, numRuns: 1, path: '' });
  return Object.assign(scheduler!, { [fc.cloneMethod]: () => seededScheduler(seed) });
}

/** fast-check's scheduler, reading the watched value before each step it releases. */
export const tracedScheduler = (): fc.Arbitrary<fc.Scheduler> =>
  fc.noShrink(fc.integer()).map(seededScheduler);

export interface SharedReadings {
  name: string;
  /** values[i] before step i + 1; the last one is the value after the last step. */
  values: string[];
}

/** The readings of the run that just ended (the counterexample, when replaying). */
export function readings(): SharedReadings | undefined {
  return watched && { name: watched.name, values: [...watched.before, show(watched.read())] };
}
