import type * as SharedMutexModule from '@target/03-mutex/shared-mutex';
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { importTarget } from '../../lib/target/import-target.ts';
import { defineWorkerTask } from '../../lib/workers/task.ts';
import {
  type LockedMapJob,
  type LockedMapResult,
  type LockedMapRound,
  SCRATCH,
} from './locked-map.layout.ts';

defineWorkerTask<LockedMapJob, LockedMapRound, LockedMapResult>(
  async ({ map, scratch }, { index }) => {
    const { SharedMutex } = await importTarget<typeof SharedMutexModule>('03-mutex/shared-mutex');
    // Rebuilt in this worker from (buffer, index): the same lock word every thread uses.
    const mutex = new SharedMutex(scratch, SCRATCH.lock);
    const shared = SharedHashMap.from(map);
    const words = new Int32Array(scratch);

    return (round) => {
      if (round.kind === 'wait-for-host') {
        if (index < round.sleepers) {
          Atomics.add(words, SCRATCH.aboutToLock, 1);
          mutex.lock();
          mutex.unlock();
        }
        return { maxInside: 0 };
      }
      let maxInside = 0;
      const times = round.kind === 'insert' ? round.count : round.times;
      for (let i = 0; i < times; i++) {
        mutex.lock();
        maxInside = Math.max(maxInside, Atomics.add(words, SCRATCH.inside, 1) + 1);
        if (round.kind === 'insert') shared.set(round.firstKey + i, i);
        // A plain read-modify-write: safe only if the lock excludes every other thread.
        else words[SCRATCH.plainCounter]!++;
        Atomics.sub(words, SCRATCH.inside, 1);
        mutex.unlock();
      }
      return { maxInside };
    };
  },
);
