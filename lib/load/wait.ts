// Wait times between a user's tasks, as in Locust (arguments in seconds, like a locustfile).

export interface WaitContext {
  /** The user's seeded random source, in [0, 1). */
  random: () => number;
  /** How long the task that just ended took, in ms. */
  taskMs: number;
}

/** Milliseconds to wait before the next task. */
export type WaitTime = (context: WaitContext) => number;

function checkSeconds(name: string, ...values: number[]): void {
  if (values.some((value) => !(value >= 0 && Number.isFinite(value)))) {
    throw new RangeError(`${name} takes non-negative seconds; got ${values.join(', ')}`);
  }
}

/** A uniformly random wait between `min` and `max` seconds. */
export function between(min: number, max: number): WaitTime {
  checkSeconds('between', min, max);
  if (max < min) throw new RangeError(`between(${min}, ${max}): max is below min`);
  return ({ random }) => (min + random() * (max - min)) * 1000;
}

/** Always the same wait, in seconds. */
export function constant(seconds: number): WaitTime {
  checkSeconds('constant', seconds);
  return () => seconds * 1000;
}

/** Start a task at most every `seconds`: the wait makes up what the task did not use. */
export function constantPacing(seconds: number): WaitTime {
  checkSeconds('constantPacing', seconds);
  return ({ taskMs }) => Math.max(0, seconds * 1000 - taskMs);
}
