// Each round, every worker inserts its own keys into the round's map: through the learner's
// CheckedMap or the bare SharedHashMap, with or without one SharedMutex around each write.
import type * as CheckedMapModule from '@target/02-map-writes/checked-map';
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { importTarget } from '../../lib/target/import-target.ts';
import { defineWorkerTask } from '../../lib/workers/task.ts';
// The reference lock, not the learner's: this kata must not depend on kata 03 being solved.
import { SharedMutex } from '../../solutions/03-mutex/shared-mutex.ts';
import { writerKeys } from './colliding-writes.ts';

export interface WritersRound {
  map: SharedArrayBuffer;
  through: 'checked-map' | 'bare-map';
  /** A SharedMutex word to hold around each write, or none. */
  lock?: SharedArrayBuffer;
}

defineWorkerTask<undefined, WritersRound, void>(async (_, { index }) => {
  const { CheckedMap } = await importTarget<typeof CheckedMapModule>('02-map-writes/checked-map');
  return ({ map, through, lock }) => {
    const bare = SharedHashMap.from(map);
    const writer = through === 'checked-map' ? new CheckedMap(bare) : bare;
    const mutex = lock ? new SharedMutex(lock) : undefined;
    for (const key of writerKeys(index)) {
      mutex?.lock();
      try {
        writer.set(key, index);
      } finally {
        mutex?.unlock();
      }
    }
  };
});
