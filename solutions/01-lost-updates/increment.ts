import type { AtomicStore, CasStore } from '../../lib/store/async-store.ts';

/** Adds 1 to `key`. Fifty tasks call this at the same time. */
export async function increment(store: AtomicStore, key: string): Promise<void> {
  // One round trip that the store applies indivisibly: no gap between read and write.
  await store.incr(key);
}

/** Adds 1 to `key` on a store that offers only get, set and compareAndSet. */
export async function incrementWithRetry(store: CasStore, key: string): Promise<void> {
  // Optimistic concurrency: the write lands only if nobody wrote since our read.
  for (;;) {
    const value = await store.get(key);
    if (await store.compareAndSet(key, value, value + 1)) return;
  }
}
