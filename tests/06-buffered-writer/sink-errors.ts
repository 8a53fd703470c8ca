// A sink error that escapes where none should: the red line says why it should not have,
// instead of the bare "Error: EAGAIN: resource temporarily unavailable" of the sink.

const WHY = {
  early:
    'a write that fits in the buffer must wait there; the sink sees it only when the buffer fills or is flushed',
  eagain:
    'EAGAIN means "busy for a moment": retry after a short sleep (and give up only after a few), do not fail at once',
};

/** What was thrown, for the red line: a sink may throw anything, null included. */
const shown = (error: unknown) =>
  error instanceof Error ? error.message : `${JSON.stringify(error)} (not an Error)`;

/** Runs `call`; if it throws, the error names `what` was called and why it should not throw. */
export function expectNoSinkError<T>(call: () => T, what: string, why: keyof typeof WHY): T {
  try {
    return call();
  } catch (error) {
    throw new Error(`${what} threw "${shown(error)}": ${WHY[why]}`, { cause: error });
  }
}

/** The same for an async call. */
export async function expectNoSinkRejection<T>(
  call: () => Promise<T>,
  what: string,
  why: keyof typeof WHY,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Error(`${what} rejected with "${shown(error)}": ${WHY[why]}`, {
      cause: error,
    });
  }
}
