// Bench worker: one round runs the workload on the map behind the chosen guard.
import type * as SharedMutexModule from '@target/03-mutex/shared-mutex';
import type * as SharedRWMutexModule from '@target/04-rwmutex/shared-rwmutex';
import type * as StripedMapModule from '@target/05-concurrent-map/striped-map';
import { seededRandom } from '../../lib/random.ts';
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { importTarget } from '../../lib/target/import-target.ts';
import { defineWorkerTask } from '../../lib/workers/task.ts';
import { type CompareResult, type CompareRound, type Guard, now } from './compare-locks.rounds.ts';

interface GuardedMap {
  get(key: number): number | undefined;
  set(key: number, value: number): void;
}

defineWorkerTask<undefined, CompareRound, CompareResult>(async (_, { index }) => {
  const [{ SharedMutex }, { SharedRWMutex }, { StripedMap }] = await Promise.all([
    importTarget<typeof SharedMutexModule>('03-mutex/shared-mutex'),
    importTarget<typeof SharedRWMutexModule>('04-rwmutex/shared-rwmutex'),
    importTarget<typeof StripedMapModule>('05-concurrent-map/striped-map'),
  ]);

  const guarded = (
    guard: Guard,
    buffer: SharedArrayBuffer,
    lock: SharedArrayBuffer,
  ): GuardedMap => {
    if (guard === 'StripedMap') return StripedMap.from(buffer);
    const map = SharedHashMap.from(buffer);
    if (guard === 'SharedMutex') {
      const mutex = new SharedMutex(lock);
      const exclusive = <T>(body: () => T): T => {
        mutex.lock();
        try {
          return body();
        } finally {
          mutex.unlock();
        }
      };
      return {
        get: (key) => exclusive(() => map.get(key)),
        set: (key, value) => exclusive(() => map.set(key, value)),
      };
    }
    const rw = new SharedRWMutex(lock);
    return {
      get: (key) => {
        rw.rlock();
        try {
          return map.get(key);
        } finally {
          rw.runlock();
        }
      },
      set: (key, value) => {
        rw.lock();
        try {
          map.set(key, value);
        } finally {
          rw.unlock();
        }
      },
    };
  };

  return ({ guard, map, lock, workers, workload }) => {
    if (index >= workers) return { ops: 0, startedAt: Number.NaN, endedAt: Number.NaN };
    const target = guarded(guard, map, lock);
    if (workload.kind === 'insert') {
      const first = index * workload.perWorker;
      const startedAt = now();
      for (let key = first; key < first + workload.perWorker; key++) target.set(key, key);
      return { ops: workload.perWorker, startedAt, endedAt: now() };
    }
    // The operations are drawn before the clock starts: the bench measures the map.
    const random = seededRandom(index + 1);
    const keys = Int32Array.from({ length: workload.ops }, () =>
      Math.floor(random() * workload.keys),
    );
    const reads = Uint8Array.from({ length: workload.ops }, () =>
      random() < workload.readShare ? 1 : 0,
    );
    const startedAt = now();
    for (let op = 0; op < workload.ops; op++) {
      if (reads[op] === 1) target.get(keys[op]!);
      else target.set(keys[op]!, op);
    }
    return { ops: workload.ops, startedAt, endedAt: now() };
  };
});
