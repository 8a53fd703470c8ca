// Wrong: keeps only the last read of each task and location. The course's album store reads
// the length before its await and again inside `push`, in the same turn as the write: the
// first read, the one the id came from, is forgotten, and the race with it.
// Rejected by: detector.test.ts
import type { Location, Site, TaskId, Turn } from '../../../lib/race/detector-api.ts';
import { RaceDetector as Reference } from '../../../solutions/08-race-detector/detector.ts';

export class RaceDetector<S extends Site = Site> extends Reference<S> {
  override read(task: TaskId, turn: Turn, location: Location, site: S): void {
    this.pendingReads.get(task)?.delete(location);
    super.read(task, turn, location, site);
  }
}
