// What the host and striped-map.worker.ts share: one kind of round per spec. Each round
// carries the StripedMap's buffer; workers rebuild the map from it.

export const WORKERS = 4;

export type StripedMapRound =
  /** Seeded random set/delete/get on the worker's own keys (key % WORKERS === worker). */
  | { kind: 'mixed'; map: SharedArrayBuffer; seed: number; keys: number; ops: number }
  | { kind: 'insert'; map: SharedArrayBuffer; perWorker: number }
  /** Workers 0 and 1 call ops[0] on keys[0], then ops[1] on keys[1]; a probe sees overlap. */
  | {
      kind: 'pair';
      map: SharedArrayBuffer;
      ops: ['get' | 'set' | 'delete', 'get' | 'set' | 'delete'];
      keys: [number, number];
      probe: SharedArrayBuffer;
      /** How long worker 0 lingers inside, waiting for worker 1 to come in too. */
      holdMs: number;
    }
  /** Worker 0 moves an entry between stripes `last` and 0; worker 1 reads size or entries. */
  | {
      kind: 'moves';
      read: 'size' | 'entries';
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

export interface PairResult {
  /** Whether this worker saw the other inside a stripe's map while it was inside too. */
  overlapped: boolean;
}

export interface MovesResult {
  /** The fewest and most entries the reader counted (size, or entries().length). */
  minSize: number;
  maxSize: number;
}

export type StripedMapResult = MixedResult | PairResult | MovesResult | undefined;
