// Kata 01's store under the detector. `get` is a read and `set` a write of `<name>:<key>`.
// `incr` and `compareAndSet` are atomic in the store, so they are synchronization, never half
// of a race (as Go's detector treats sync/atomic): each is an acquire and a release of the key.

import type { AtomicStore, CasStore, ReadWriteStore } from '../store/async-store.ts';
import type { RaceRuntime } from './runtime.ts';

export function trackStore<S extends ReadWriteStore & Partial<AtomicStore>>(
  race: RaceRuntime,
  store: S,
  name = 'store',
): S {
  const location = (key: string) => `${name}:${key}`;
  const atomically = async <T>(key: string, operation: () => Promise<T>): Promise<T> => {
    const sync = location(key);
    race.release(sync);
    const result = await operation();
    race.acquire(sync);
    return result;
  };
  const tracked: ReadWriteStore & Partial<CasStore> & Partial<AtomicStore> = {
    async get(key) {
      // The caller's frame is on the stack only now; the value is read when the trip ends.
      const site = race.site();
      const value = await store.get(key);
      race.read(location(key), site);
      return value;
    },
    set(key, value) {
      race.write(location(key));
      return store.set(key, value);
    },
  };
  if (store.compareAndSet) {
    const compareAndSet = store.compareAndSet.bind(store);
    tracked.compareAndSet = (key, expected, next) =>
      atomically(key, () => compareAndSet(key, expected, next));
  }
  if (store.incr) {
    const incr = store.incr.bind(store);
    tracked.incr = (key) => atomically(key, () => incr(key));
  }
  return tracked as S;
}
