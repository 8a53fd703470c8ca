// Your race detector's core. lib/race/ calls these methods while a program runs (which task
// started which, who locked and unlocked what, who read and wrote which location, in which
// turn); `races()` says which pairs of accesses raced. See README.md for the rule.
//
// This stub records nothing, so it reports nothing: the counter loses 49,000 of 50,000
// updates and the detector stays silent.

import type {
  HappensBeforeDetector,
  Location,
  Race,
  Site,
  SyncObject,
  TaskId,
  Turn,
} from '../../lib/race/detector-api.ts';

export class RaceDetector<S extends Site = Site> implements HappensBeforeDetector<S> {
  fork(_parent: TaskId, _child: TaskId): void {}

  join(_child: TaskId, _parent: TaskId): void {}

  release(_task: TaskId, _sync: SyncObject): void {}

  acquire(_task: TaskId, _sync: SyncObject): void {}

  read(_task: TaskId, _turn: Turn, _location: Location, _site: S): void {}

  write(_task: TaskId, _turn: Turn, _location: Location, _site: S): void {}

  races(): Race<S>[] {
    return [];
  }
}
