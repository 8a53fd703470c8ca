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
