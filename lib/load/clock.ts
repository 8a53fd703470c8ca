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

export const systemClock: Clock = {
  now: () => performance.now(),
  wall: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};
