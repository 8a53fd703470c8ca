// Wrong: an access is attributed to the promise that resumed it (its turn) rather than to the
// logical task. The read before an await and the write after it then belong to two different
// "tasks", neither of which ever does a read-modify-write: the lost update goes unreported.
// Rejected by: detector.test.ts
import type { Location, Site, TaskId, Turn } from '../../../lib/race/detector-api.ts';
import { RaceDetector as Reference } from '../../../solutions/08-race-detector/detector.ts';

const PROMISE_IDS = 1_000_000_000;

export class RaceDetector<S extends Site = Site> extends Reference<S> {
  override read(task: TaskId, turn: Turn, location: Location, site: S): void {
    super.read(this.promiseOf(task, turn), turn, location, site);
  }

  override write(task: TaskId, turn: Turn, location: Location, site: S): void {
    super.write(this.promiseOf(task, turn), turn, location, site);
  }

  /** A fresh identity per turn, started by the task it runs in (so fork and locks still count). */
  private promiseOf(task: TaskId, turn: Turn): TaskId {
    const id = PROMISE_IDS + turn;
    if (!this.clocks.has(id)) this.fork(task, id);
    return id;
  }
}
