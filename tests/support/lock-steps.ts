// Step-by-step lock scenarios on the event loop: who got the lock, and when.

/** Resolves after every pending promise callback has run: what can settle now, has. */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Passes the release function through, and logs `name` at the moment the lock is granted. */
export function logWhenGranted<R>(acquired: Promise<R>, name: string, granted: string[]) {
  return acquired.then((release) => {
    granted.push(name);
    return release;
  });
}
