// Which synchronous turn is running. Chosen over `executionAsyncId()`: a plain counter that a
// microtask advances, so it needs no async_hooks and costs one branch per access.
//
// Why it is exact for one task: the first tracked access after an advance queues a microtask
// that advances the counter again. A task resumes only from a job queued after its own
// synchronous run has ended, so behind that advance: two accesses of one task see the same
// number exactly when no `await` separated them. (Different tasks may share a number; the
// detector only ever compares turns of the same task.)

import type { Turn } from './detector-api.ts';

let turn: Turn = 1;
let advanceQueued = false;

const advance = () => {
  turn++;
  advanceQueued = false;
};

export function currentTurn(): Turn {
  if (!advanceQueued) {
    advanceQueued = true;
    queueMicrotask(advance);
  }
  return turn;
}
