// A vector clock: for every task, how many of its epochs are known to have happened before
// this point. Task t's own entry is t's current epoch; it grows by one each time t publishes
// (fork, release), so "access a happened before point p" is one comparison (FastTrack):
//   a.clock.of(a.task) <= p.of(a.task)
// Clocks are immutable: an access keeps a reference to its task's clock at that moment, and a
// task gets a new clock only when it synchronizes, so recording an access copies nothing.
//
// The entries are an array indexed by task id (ids are small and dense: the runtime numbers
// tasks 0, 1, 2, …), so a copy is one `slice`, not a Map rebuilt entry by entry: a lock or an
// atomic counter passed among 50 tasks copies a clock at every hand-off.

import type { TaskId } from '../../lib/race/detector-api.ts';

export class VectorClock {
  static readonly EMPTY = new VectorClock([]);

  /** `entries[t]` is what is known of task t; indices past the end are 0. */
  private constructor(private readonly entries: readonly number[]) {}

  /** The epochs of `task` known here; 0 if none. */
  of(task: TaskId): number {
    return this.entries[task] ?? 0;
  }

  /** The same clock with `task`'s entry one higher: `task` starts a new epoch. */
  tick(task: TaskId): VectorClock {
    const next = this.entries.slice();
    // Fill up to `task` with zeros, so the array stays packed (no holes).
    for (let t = next.length; t < task; t++) next.push(0);
    next[task] = this.of(task) + 1;
    return new VectorClock(next);
  }

  /**
   * The entry-wise maximum: everything either clock knows. Copies nothing when one clock
   * already knows all the other does (a lock passed from task to task: the common case).
   */
  join(other: VectorClock): VectorClock {
    if (this.covers(other)) return this;
    if (other.covers(this)) return other;
    const [longer, shorter] =
      this.entries.length >= other.entries.length
        ? [this.entries, other.entries]
        : [other.entries, this.entries];
    const next = longer.slice();
    for (let t = 0; t < shorter.length; t++) if (shorter[t]! > next[t]!) next[t] = shorter[t]!;
    return new VectorClock(next);
  }

  /** Whether this clock knows everything `other` knows. */
  covers(other: VectorClock): boolean {
    const theirs = other.entries;
    for (let t = 0; t < theirs.length; t++) if (theirs[t]! > this.of(t)) return false;
    return true;
  }

  /** Whether the point `task` reached at `epoch` happened before the point this clock describes. */
  knows(task: TaskId, epoch: number): boolean {
    return epoch <= this.of(task);
  }
}
