// Wrong: forgets that a synchronous turn runs alone. A read and a write in one turn
// (`n = n + 1` between two awaits) are paired like a read and a write across an await.
// Rejected by: detector.test.ts
import type { Site } from '../../../lib/race/detector-api.ts';
import {
  type Event,
  RaceDetector as Reference,
} from '../../../solutions/08-race-detector/detector.ts';

export class RaceDetector<S extends Site = Site> extends Reference<S> {
  protected override splits(read: Event<S>, write: Event<S>): boolean {
    return read.access.turn <= write.access.turn;
  }
}
