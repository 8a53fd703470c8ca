// The torn-size round, worker side. Worker 0 moves one entry from stripe `last` to stripe 0
// and back, adding before removing, so the true size is n or n + 1. Worker 1 reads `size`, or
// counts `entries()`. To make a tear show on every sweep rather than once in a while, a probe
// in the reader pauses each sweep between stripes 0 and 1, and lets the mover move the entry
// (if it can) before the sweep goes on. A reader that holds every stripe's lock for the
// whole sweep keeps the mover out: the pause times out, and the count is exact.
import type { StripedMap } from '@target/05-concurrent-map/striped-map';
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { openStripes } from '../../lib/shared-memory/striped-buffer.ts';
import { publish, waitUntil } from '../../lib/workers/signals.ts';
import type { MovesResult, StripedMapRound } from './striped-map.rounds.ts';

type MovesRound = Extract<StripedMapRound, { kind: 'moves' }>;

/** Words of the round's `sync` buffer: sweep numbers each side has reached. */
export const SYNC = { stripe0Read: 0, moved: 1, sweepDone: 2, movedBack: 3, finished: 4 } as const;
export const SYNC_WORDS = 5;
/** The mover waits for the reader this long at most; the reader's end wakes it sooner. */
const MOVER_PATIENCE_MS = 5_000;

/** Waits (bounded) until `sync[at]` reaches `value`; false if it did not in time. */
function awaitWord(sync: Int32Array, at: number, value: number, ms: number): boolean {
  const reached = () => Atomics.load(sync, at) >= value;
  waitUntil(sync, at, () => reached() || Atomics.load(sync, SYNC.finished) === 1, ms);
  return reached();
}

export function mover(map: StripedMap, round: MovesRound): void {
  const sync = new Int32Array(round.sync);
  for (let sweep = 1; sweep <= round.sweeps; sweep++) {
    if (!awaitWord(sync, SYNC.stripe0Read, sweep, MOVER_PATIENCE_MS)) return;
    map.set(round.to, sweep);
    map.delete(round.from);
    publish(sync, SYNC.moved, sweep);
    if (!awaitWord(sync, SYNC.sweepDone, sweep, MOVER_PATIENCE_MS)) return;
    map.set(round.from, sweep);
    map.delete(round.to);
    publish(sync, SYNC.movedBack, sweep);
  }
}

/**
 * Makes the read of stripe 1 (its `size`, or its `entries`) first publish that stripe 0 has
 * been read and wait for the mover; returns the undo. Pausing there, not at the end of stripe
 * 0's read, lets a reader that locks one stripe at a time release stripe 0 first.
 */
function pauseBeforeStripe1(round: MovesRound, sync: Int32Array, sweep: () => number): () => void {
  const stripe1 = openStripes(round.map)[1]?.map.words.byteOffset;
  if (stripe1 === undefined) return () => {}; // one stripe: nothing to tear
  const isStripe1 = (map: SharedHashMap) =>
    map.buffer === round.map && map.words.byteOffset === stripe1;
  const pause = () => {
    publish(sync, SYNC.stripe0Read, sweep());
    awaitWord(sync, SYNC.moved, sweep(), round.pauseMs);
  };
  const prototype = SharedHashMap.prototype;
  if (round.read === 'size') {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, 'size')!;
    Object.defineProperty(prototype, 'size', {
      ...descriptor,
      get(this: SharedHashMap) {
        if (isStripe1(this)) pause();
        return descriptor.get!.call(this) as number;
      },
    });
    return () => Object.defineProperty(prototype, 'size', descriptor);
  }
  const entries = prototype.entries;
  prototype.entries = function* paused(this: SharedHashMap) {
    if (isStripe1(this)) pause();
    yield* entries.call(this);
  };
  return () => {
    prototype.entries = entries;
  };
}

export function reader(map: StripedMap, round: MovesRound): MovesResult {
  const sync = new Int32Array(round.sync);
  let sweep = 0;
  const undo = pauseBeforeStripe1(round, sync, () => sweep);
  let minSize = Number.POSITIVE_INFINITY;
  let maxSize = Number.NEGATIVE_INFINITY;
  try {
    for (sweep = 1; sweep <= round.sweeps; sweep++) {
      const size = round.read === 'size' ? map.size : map.entries().length;
      minSize = Math.min(minSize, size);
      maxSize = Math.max(maxSize, size);
      publish(sync, SYNC.sweepDone, sweep);
      awaitWord(sync, SYNC.movedBack, sweep, round.pauseMs);
    }
  } finally {
    undo();
    // Wake a mover that still waits for this reader.
    publish(sync, SYNC.finished, 1);
    Atomics.notify(sync, SYNC.stripe0Read);
    Atomics.notify(sync, SYNC.sweepDone);
  }
  return { minSize, maxSize };
}
