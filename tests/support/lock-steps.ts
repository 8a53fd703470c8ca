// Step-by-step lock scenarios on the event loop: who got the lock, and when.
import { boundedWhenAwaited } from './bounded.ts';

/** Resolves after every pending promise callback has run: what can settle now, has. */
export function flushMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Passes the release function through, and logs `name` at the moment the lock is granted.
 * Awaiting it fails within 2 s, naming a deadlock or a missed wake-up, if it is never granted.
 */
export function logWhenGranted<R>(
  acquired: Promise<R>,
  name: string,
  granted: string[],
): PromiseLike<R> {
  const logged = acquired.then((release) => {
    granted.push(name);
    return release;
  });
  return boundedWhenAwaited(logged, `${name}'s lock request`);
}
