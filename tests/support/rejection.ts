// The error a promise rejects with, or a failure that says why it should have rejected.
// vitest's `expect(promise, why).rejects` drops `why` when the promise resolves ("promise
// resolved "undefined" instead of rejecting"), and the learner's red line must name the bug.
import { expect } from 'vitest';

export async function rejectionOf(promise: PromiseLike<unknown>, why: string): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  const shown = typeof value === 'function' ? 'a function' : String(value);
  return expect.fail(`${why} (it resolved with ${shown})`);
}

/**
 * The value a promise resolves with, or a failure that says why it should have resolved:
 * `expect(promise, why).resolves` drops `why` when the promise rejects ("promise rejected
 * "DOMException{…}" instead of resolving").
 */
export async function resolutionOf<T>(promise: PromiseLike<T>, why: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const shown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return expect.fail(`${why} (it rejected with ${shown})`);
  }
}
