// A release of a lock its caller does not hold is a bug in the caller, and Go makes it loud
// ("unlock of unlocked mutex"). A lock that shrugs it off frees a lock held by someone else, or
// leaves a count that lets two holders in later; the learner's red line must say so, not
// vitest's "expected [Function] to throw an error".
import { expect } from 'vitest';

const WHY = {
  lock: 'releasing a lock nobody holds lets two holders in later',
  read: 'a read count that goes below zero lets a writer in beside readers later',
  writer: "it would release the writer's lock under it",
  reader: "it would release the readers' lock under them",
};

/**
 * `call` (say `unlock()`) on a lock in state `state` (say "nobody holds") must throw an error
 * matching `pattern`; `why` names what goes wrong if it does not.
 */
export function expectRefused(
  release: () => unknown,
  call: string,
  state: string,
  pattern: RegExp,
  why: keyof typeof WHY = 'lock',
): void {
  expect(
    release,
    `${call} of a lock ${state} must throw (${pattern.source}, as in Go): ${WHY[why]}`,
  ).toThrow(pattern);
}
