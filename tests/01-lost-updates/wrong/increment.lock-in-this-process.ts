// Wrong: a lock around the whole read-then-write serializes this process's tasks, and
// nobody else's. Another process that shares the store writes between our get and set.
// Rejected by: event-loop.test.ts
import { Mutex } from 'async-mutex';
import type { AtomicStore } from '../../../lib/store/async-store.ts';

export { incrementWithRetry } from '../../../solutions/01-lost-updates/increment.ts';

const mutex = new Mutex();

export async function increment(store: AtomicStore, key: string): Promise<void> {
  await mutex.runExclusive(async () => {
    const value = await store.get(key);
    await store.set(key, value + 1);
  });
}
