// Wrong: waits for the lock by spinning. On the event loop the holder can never run to
// release it, so the first contended lock() blocks the thread for good (the watchdog stops
// the spec file and names the spec).
// Rejected by: async-mutex.test.ts
import { AsyncMutex as Reference, type Release } from '../../../solutions/03-mutex/async-mutex.ts';

export type { Release } from '../../../solutions/03-mutex/async-mutex.ts';

export class AsyncMutex extends Reference {
  override lock(signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    while (this.locked) {
      // spin: nothing else can run on this thread while we do
    }
    this.locked = true;
    return Promise.resolve(this.releaser());
  }
}
