// Wrong: a compare-and-set that fails means someone else won; giving up drops our update.
// Rejected by: interleavings.test.ts
import type { CasStore } from '../../../lib/store/async-store.ts';

export { increment } from '../../../solutions/01-lost-updates/increment.ts';

export async function incrementWithRetry(store: CasStore, key: string): Promise<void> {
  const value = await store.get(key);
  await store.compareAndSet(key, value, value + 1);
}
