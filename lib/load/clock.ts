// The run's sense of time. Every method reads the globals when called, so a spec's fake
// timers (performance, Date, setTimeout) drive a whole run deterministically.

export interface Clock {
  /** Monotonic milliseconds, for durations. */
  now(): number;
  /** Epoch milliseconds: the same in every thread, so per-second counts merge across workers. */
  wall(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** One pending sleep. */
class Sleeper {
  timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly resolve: () => void,
    readonly group: Set<Sleeper> | undefined,
  ) {}
}

function wake(sleeper: Sleeper): void {
  sleeper.group?.delete(sleeper);
  sleeper.resolve();
}

/**
 * The sleepers of each signal, woken by one listener: a user sleeps between tasks and the open
 * model between arrivals, thousands of times a second, and adding and removing an abort
 * listener each time cost more than the timer.
 */
const sleepersBySignal = new WeakMap<AbortSignal, Set<Sleeper>>();

function sleepersOf(signal: AbortSignal): Set<Sleeper> {
  let group = sleepersBySignal.get(signal);
  if (group === undefined) {
    const sleepers = new Set<Sleeper>();
    group = sleepers;
    sleepersBySignal.set(signal, sleepers);
    signal.addEventListener(
      'abort',
      () => {
        for (const sleeper of sleepers) {
          clearTimeout(sleeper.timer);
          sleeper.resolve();
        }
        sleepers.clear();
      },
      { once: true },
    );
  }
  return group;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  wall: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const group = signal === undefined ? undefined : sleepersOf(signal);
      const sleeper = new Sleeper(resolve, group);
      // The timer's argument, not a closure: no function is created per sleep.
      sleeper.timer = setTimeout(wake, Math.max(0, ms), sleeper);
      group?.add(sleeper);
    }),
};
