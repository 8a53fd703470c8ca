// What the compare-locks bench and its worker share.

/** How the map is guarded: one lock around a SharedHashMap, or lock striping. */
export const guards = ['SharedMutex', 'SharedRWMutex', 'StripedMap'] as const;
export type Guard = (typeof guards)[number];

export type Workload =
  /** Each worker inserts its own `perWorker` fresh keys. */
  | { kind: 'insert'; perWorker: number }
  /** Each worker runs `ops` gets and sets of existing keys; `readShare` of them are gets. */
  | { kind: 'mixed'; ops: number; readShare: number; keys: number };

export interface CompareRound {
  guard: Guard;
  /** A SharedHashMap's buffer for the global locks, a StripedMap's buffer for striping. */
  map: SharedArrayBuffer;
  /** The global lock's words (unused by StripedMap). */
  lock: SharedArrayBuffer;
  /** Workers with a higher index sit the round out. */
  workers: number;
  workload: Workload;
}

/** One worker's share of a round; times on the clock every thread shares (epoch ms). */
export interface CompareResult {
  ops: number;
  startedAt: number;
  endedAt: number;
}

/** Milliseconds since the epoch, sub-millisecond, comparable between threads. */
export const now = () => performance.timeOrigin + performance.now();
