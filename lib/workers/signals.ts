// Step flags between threads: one side publishes a word, the other sleeps until it changes.

/** Stores `value` at `words[at]` and wakes every thread asleep on that word. */
export function publish(words: Int32Array, at: number, value: number): void {
  Atomics.store(words, at, value);
  Atomics.notify(words, at);
}

/**
 * Sleeps on `words[at]` until `done()` holds or `ms` pass; true if it holds. Re-checks at
 * least every 50 ms, so a condition that depends on other words is not missed for long.
 */
export function waitUntil(
  words: Int32Array,
  at: number,
  done: () => boolean,
  ms = Number.POSITIVE_INFINITY,
): boolean {
  const until = performance.now() + ms;
  while (!done()) {
    const left = until - performance.now();
    if (left <= 0) return false;
    Atomics.wait(words, at, Atomics.load(words, at), Math.min(left, 50));
  }
  return true;
}
