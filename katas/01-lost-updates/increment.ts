import type { AtomicStore, CasStore } from '../../lib/store/async-store.ts';

/** Adds 1 to `key`. Fifty tasks call this at the same time. */
export async function increment(store: AtomicStore, key: string): Promise<void> {
  const value = await store.get(key);
  await store.set(key, value + 1);
}

/** Adds 1 to `key` on a store that offers only get, set and compareAndSet. */
export async function incrementWithRetry(store: CasStore, key: string): Promise<void> {
  const value = await store.get(key);
  await store.set(key, value + 1);
}
