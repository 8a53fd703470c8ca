// Wrong: two reads conflict too. Any read in a later turn than another task's unordered read
// is reported, so tasks that only share data to read it drown the real reports in noise.
// Rejected by: detector.test.ts
import type { Location, Site, TaskId, Turn } from '../../../lib/race/detector-api.ts';
import {
  type Event,
  RaceDetector as Reference,
} from '../../../solutions/08-race-detector/detector.ts';

export class RaceDetector<S extends Site = Site> extends Reference<S> {
  private readonly reads = new Map<Location, Event<S>[]>();

  override read(task: TaskId, turn: Turn, location: Location, site: S): void {
    super.read(task, turn, location, site);
    const read = this.event('read', task, turn, location, site);
    const earlier = this.reads.get(location) ?? [];
    for (const other of earlier) {
      if (other.access.task !== task && !this.happenedBefore(other, read)) this.report(read, other);
    }
    this.reads.set(location, [...earlier, read]);
  }
}
