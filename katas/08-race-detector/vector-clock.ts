// A logical clock for the detector. This starting point is a Lamport clock: one number for
// everybody. It can say "this happened at an earlier time", but not "this happened before
// that": two tasks that never synchronized still get ordered numbers. Make it a vector clock
// (one entry per task), with the same methods.

import type { TaskId } from '../../lib/race/detector-api.ts';

export class VectorClock {
  static readonly EMPTY = new VectorClock(0);

  private constructor(private readonly time: number) {}

  /** The epochs of `task` known here; 0 if none. */
  of(_task: TaskId): number {
    return this.time;
  }

  /** The same clock with `task`'s entry one higher: `task` starts a new epoch. */
  tick(_task: TaskId): VectorClock {
    return new VectorClock(this.time + 1);
  }

  /** The entry-wise maximum: everything either clock knows. */
  join(other: VectorClock): VectorClock {
    return other.time > this.time ? other : this;
  }

  /** Whether this clock knows everything `other` knows. */
  covers(other: VectorClock): boolean {
    return this.time >= other.time;
  }

  /** Whether the point `task` reached at `epoch` happened before the point this clock describes. */
  knows(task: TaskId, epoch: number): boolean {
    return epoch <= this.of(task);
  }
}
