// Wrong: only fork and join order tasks. An unlock followed by the next lock, or a send and its
// receive, count for nothing, so every correctly locked read-modify-write is reported.
// Rejected by: detector.test.ts
import type { Site, SyncObject, TaskId } from '../../../lib/race/detector-api.ts';
import { RaceDetector as Reference } from '../../../solutions/08-race-detector/detector.ts';

export class RaceDetector<S extends Site = Site> extends Reference<S> {
  override release(_task: TaskId, _sync: SyncObject): void {}

  override acquire(_task: TaskId, _sync: SyncObject): void {}
}
