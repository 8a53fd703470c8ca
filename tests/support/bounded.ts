// Bounded waits for lock and channel specs. A waiter that never settles would cost vitest's
// 20 s timeout and its generic advice; this fails in about 2 s and says what it probably was.

export const BOUNDED_WAIT_MS = 2000;

export class DeadlockError extends Error {
  override name = 'DeadlockError';
}

const WHY = 'Is a waiter queued that no release ever resolves, or did a release forget to wake it?';

/**
 * Resolves as `promise` does, or rejects after `ms` with a message naming a deadlock or a
 * missed wake-up: `what` is who was waiting for what ("B's lock() after A released"), `why`
 * the likely cause.
 */
export function settlesWithin<T>(
  promise: Promise<T>,
  what: string,
  ms = BOUNDED_WAIT_MS,
  why = WHY,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new DeadlockError(
            `deadlock or missed wake-up: ${what} never settled (waited ${ms / 1000} s). ${why}`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * `promise`, bounded only once someone awaits it: the 2 s start when a spec waits for it,
 * so a request that a spec leaves pending on purpose never fails on its own.
 */
export function boundedWhenAwaited<T>(
  promise: Promise<T>,
  what: string,
  ms = BOUNDED_WAIT_MS,
): PromiseLike<T> {
  return {
    // biome-ignore lint/suspicious/noThenProperty: a thenable is the point: await starts the clock
    then: (onFulfilled, onRejected) =>
      settlesWithin(promise, what, ms).then(onFulfilled, onRejected),
  };
}
