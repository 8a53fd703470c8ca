// A wait that cannot hang a spec: a missed wake-up fails within seconds, and says so.

export const BOUND_MS = 2_000;

/** `promise`'s outcome, or a failure naming `what` once `ms` have passed without one. */
export async function settlesWithin<T>(
  promise: Promise<T>,
  what: string,
  ms = BOUND_MS,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`${what} did not happen within ${ms} ms (a deadlock, or a missed wake-up?)`),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
