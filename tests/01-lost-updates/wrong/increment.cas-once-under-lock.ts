// Wrong: with the read and the compare-and-set under a lock, this process's own tasks never
// make the CAS fail, so it "needs" no retry. Another process's write does make it fail,
// and the update is dropped.
// Rejected by: event-loop.test.ts
import { Mutex } from 'async-mutex';
import type { CasStore } from '../../../lib/store/async-store.ts';

export { increment } from '../../../solutions/01-lost-updates/increment.ts';

const mutex = new Mutex();

export async function incrementWithRetry(store: CasStore, key: string): Promise<void> {
  await mutex.runExclusive(async () => {
    const value = await store.get(key);
    await store.compareAndSet(key, value, value + 1);
  });
}
