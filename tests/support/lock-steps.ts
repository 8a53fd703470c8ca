/** Resolves after every pending promise callback has run: what can settle now, has. */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
