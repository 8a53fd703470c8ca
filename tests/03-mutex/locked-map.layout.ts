// What the host and the workers of locked-map.worker.ts share.

/** Words of the shared `scratch` buffer; the lock lives at word 3, next to the counters. */
export const SCRATCH = { inside: 0, plainCounter: 1, aboutToLock: 2, lock: 3 } as const;
export const SCRATCH_WORDS = 4;

export interface LockedMapJob {
  map: SharedArrayBuffer;
  scratch: SharedArrayBuffer;
}

export type LockedMapRound =
  | { kind: 'insert'; firstKey: number; count: number }
  | { kind: 'exclusion'; times: number }
  /** Workers below `sleepers` count themselves into `aboutToLock`, then block in lock() until the host unlocks. */
  | { kind: 'wait-for-host'; sleepers: number };

/** Per worker: the most threads it saw inside the critical section at once. */
export interface LockedMapResult {
  maxInside: number;
}
