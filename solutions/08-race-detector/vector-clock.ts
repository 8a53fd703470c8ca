// A vector clock: for every task, how many of its epochs are known to have happened before
// this point. Task t's own entry is t's current epoch; it grows by one each time t publishes
// (fork, release), so "access a happened before point p" is one comparison (FastTrack):
//   a.clock.of(a.task) <= p.of(a.task)
// Clocks are immutable: an access keeps a reference to its task's clock at that moment, and a
// task gets a new clock only when it synchronizes, so recording an access copies nothing.

import type { TaskId } from '../../lib/race/detector-api.ts';

export class VectorClock {
  static readonly EMPTY = new VectorClock(new Map());

  private constructor(private readonly entries: ReadonlyMap<TaskId, number>) {}

  /** The epochs of `task` known here; 0 if none. */
  of(task: TaskId): number {
    return this.entries.get(task) ?? 0;
  }

  /** The same clock with `task`'s entry one higher: `task` starts a new epoch. */
  tick(task: TaskId): VectorClock {
    const next = new Map(this.entries);
    next.set(task, this.of(task) + 1);
    return new VectorClock(next);
  }

  /**
   * The entry-wise maximum: everything either clock knows. Copies nothing when one clock
   * already knows all the other does (a lock passed from task to task: the common case).
   */
  join(other: VectorClock): VectorClock {
    if (other.covers(this)) return other;
    let next: Map<TaskId, number> | undefined;
    for (const [task, epoch] of other.entries) {
      if (epoch <= this.of(task)) continue;
      next ??= new Map(this.entries);
      next.set(task, epoch);
    }
    return next ? new VectorClock(next) : this;
  }

  /** Whether this clock knows everything `other` knows. */
  covers(other: VectorClock): boolean {
    if (other.entries.size > this.entries.size) return false;
    for (const [task, epoch] of other.entries) if (epoch > this.of(task)) return false;
    return true;
  }

  /** Whether the point `task` reached at `epoch` happened before the point this clock describes. */
  knows(task: TaskId, epoch: number): boolean {
    return epoch <= this.of(task);
  }
}
