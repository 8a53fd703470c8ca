// Wrong: the lock covers the read only. Two tasks still read the same value in turn,
// and both write value + 1.
// Rejected by: interleavings.test.ts
import { Mutex } from 'async-mutex';
import type { AtomicStore } from '../../../lib/store/async-store.ts';

export { incrementWithRetry } from '../../../solutions/01-lost-updates/increment.ts';

const mutex = new Mutex();

export async function increment(store: AtomicStore, key: string): Promise<void> {
  const value = await mutex.runExclusive(() => store.get(key));
  await store.set(key, value + 1);
}
