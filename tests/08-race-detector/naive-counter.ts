import type { ReadWriteStore } from '../../lib/store/async-store.ts';

/** Kata 01's naive increment, kept on the test side (your kata 01 may be fixed already). */
export async function naiveIncrement(store: ReadWriteStore, key: string): Promise<void> {
  const value = await store.get(key);
  await store.set(key, value + 1);
}
