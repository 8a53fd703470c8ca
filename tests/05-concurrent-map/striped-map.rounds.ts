// What the host and striped-map.worker.ts share: one kind of round per spec. Each round
// carries the StripedMap's buffer; workers rebuild the map from it.

export const WORKERS = 4;

export type StripedMapRound =
  /** Seeded random set/delete/get on the worker's own keys (key % WORKERS === worker). */
  | { kind: 'mixed'; map: SharedArrayBuffer; seed: number; keys: number; ops: number }
  | { kind: 'insert'; map: SharedArrayBuffer; perWorker: number }
  /** Workers 0 and 1 write only keys of their own stripe; a probe counts who is inside. */
  | { kind: 'overlap'; map: SharedArrayBuffer; keys: number[][]; probe: SharedArrayBuffer }
  /** Worker 0 moves an entry between stripes `last` and 0; worker 1 reads the size. */
  | {
      kind: 'moves';
      map: SharedArrayBuffer;
      from: number;
      to: number;
      sweeps: number;
      /** How long the reader, paused mid-sweep, waits for the mover. */
      pauseMs: number;
      sync: SharedArrayBuffer;
    };

export interface MixedResult {
  wrongReads: number;
  firstWrongRead?: string;
  /** The worker's sequential model of its own keys, after its last operation. */
  model: Array<[number, number]>;
}

export interface OverlapResult {
  /** The most writers seen inside a critical section at once. */
  maxInside: number;
}

export interface MovesResult {
  minSize: number;
  maxSize: number;
}

export type StripedMapResult = MixedResult | OverlapResult | MovesResult | undefined;
