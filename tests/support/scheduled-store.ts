import type fc from 'fast-check';
import { SimulatedStore } from '../../lib/store/async-store.ts';

/**
 * One store, one client per task, every round trip released by fast-check's scheduler.
 * The labels make a failing order readable: "task 1: get(n)", "task 0: set(n)".
 */
export function scheduledStore(scheduler: fc.Scheduler) {
  const store = new SimulatedStore(() => Promise.resolve());
  const clientFor = (task: number) =>
    store.client((operation, key) =>
      scheduler.schedule(Promise.resolve(), `task ${task}: ${operation}(${key})`),
    );
  return { store, clientFor };
}
