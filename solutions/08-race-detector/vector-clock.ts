// A vector clock: for every task, how many of its epochs are known to have happened before
// this point. Task t's own entry is t's current epoch; it grows by one each time t publishes
// (fork, release), so "access a happened before point p" is one comparison (FastTrack):
//   a.clock.of(a.task) <= p.of(a.task)
// Clocks are immutable: an access keeps a reference to its task's clock at that moment, and a
// task gets a new clock only when it synchronizes, so recording an access copies nothing.
//
// Two parts, because copying is the cost: the entries of tasks 0 to DENSE - 1 live in an array
// indexed by task id (the runtime numbers tasks 0, 1, 2, …), copied with one `slice`, not a Map
// rebuilt entry by entry: a lock or an atomic counter passed among 50 tasks copies a clock at
// every hand-off. Any other id (a server's ten-thousandth request) goes to a Map, so a clock
// stays as small as the tasks it knows, and a clock's two parts are shared, never copied, when
// only the other part changes.

import type { TaskId } from '../../lib/race/detector-api.ts';

const DENSE = 256;
const isDense = (task: TaskId) => task >>> 0 === task && task < DENSE;
const NONE: ReadonlyMap<TaskId, number> = new Map();

export class VectorClock {
  static readonly EMPTY = new VectorClock([], NONE);

  private constructor(
    /** `dense[t]` is what is known of task t < DENSE; past the end, 0. */
    private readonly dense: readonly number[],
    private readonly sparse: ReadonlyMap<TaskId, number>,
  ) {}

  /** The epochs of `task` known here; 0 if none. */
  of(task: TaskId): number {
    return (isDense(task) ? this.dense[task] : this.sparse.get(task)) ?? 0;
  }

  /** The same clock with `task`'s entry one higher: `task` starts a new epoch. */
  tick(task: TaskId): VectorClock {
    const epoch = this.of(task) + 1;
    if (!isDense(task)) return new VectorClock(this.dense, new Map(this.sparse).set(task, epoch));
    const next = this.dense.slice();
    // Zeros up to `task`, so the array stays packed (no holes).
    for (let t = next.length; t < task; t++) next.push(0);
    next[task] = epoch;
    return new VectorClock(next, this.sparse);
  }

  /**
   * The entry-wise maximum: everything either clock knows. Copies nothing when one clock
   * already knows all the other does (a lock passed from task to task: the common case).
   */
  join(other: VectorClock): VectorClock {
    if (this.covers(other)) return this;
    if (other.covers(this)) return other;
    const [longer, shorter] =
      this.dense.length >= other.dense.length
        ? [this.dense, other.dense]
        : [other.dense, this.dense];
    const dense = longer.slice();
    for (let t = 0; t < shorter.length; t++) if (shorter[t]! > dense[t]!) dense[t] = shorter[t]!;
    const sparse = new Map(this.sparse);
    for (const [task, epoch] of other.sparse) if (epoch > this.of(task)) sparse.set(task, epoch);
    return new VectorClock(dense, sparse);
  }

  /** Whether this clock knows everything `other` knows. */
  covers(other: VectorClock): boolean {
    const theirs = other.dense;
    for (let t = 0; t < theirs.length; t++) if (theirs[t]! > this.of(t)) return false;
    for (const [task, epoch] of other.sparse) if (epoch > this.of(task)) return false;
    return true;
  }

  /** Whether the point `task` reached at `epoch` happened before the point this clock describes. */
  knows(task: TaskId, epoch: number): boolean {
    return epoch <= this.of(task);
  }
}
