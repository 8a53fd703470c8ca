// The torn-size round, worker side. Worker 0 moves one entry from stripe `last` to stripe 0
// and back, adding before removing, so the true size is n or n + 1. Worker 1 reads `size`.
// To make a tear show on every sweep rather than once in a while, a probe in the reader
// pauses each sweep right after stripe 0's count is read, and lets the mover move the entry
// (if it can) before the sweep goes on. A `size` that holds every stripe's lock for the whole
// sweep keeps the mover out: the pause times out, and the sum is exact.
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

export function reader(map: StripedMap, round: MovesRound): MovesResult {
  const sync = new Int32Array(round.sync);
  const stripe0 = openStripes(round.map)[0]!.map.words.byteOffset;
  const descriptor = Object.getOwnPropertyDescriptor(SharedHashMap.prototype, 'size')!;
  let sweep = 0;
  Object.defineProperty(SharedHashMap.prototype, 'size', {
    ...descriptor,
    get(this: SharedHashMap) {
      const size = descriptor.get!.call(this) as number;
      if (this.buffer === round.map && this.words.byteOffset === stripe0) {
        publish(sync, SYNC.stripe0Read, sweep);
        awaitWord(sync, SYNC.moved, sweep, round.pauseMs);
      }
      return size;
    },
  });
  let minSize = Number.POSITIVE_INFINITY;
  let maxSize = Number.NEGATIVE_INFINITY;
  try {
    for (sweep = 1; sweep <= round.sweeps; sweep++) {
      const size = map.size;
      minSize = Math.min(minSize, size);
      maxSize = Math.max(maxSize, size);
      publish(sync, SYNC.sweepDone, sweep);
      awaitWord(sync, SYNC.movedBack, sweep, round.pauseMs);
    }
  } finally {
    Object.defineProperty(SharedHashMap.prototype, 'size', descriptor);
    // Wake a mover that still waits for this reader.
    publish(sync, SYNC.finished, 1);
    Atomics.notify(sync, SYNC.stripe0Read);
    Atomics.notify(sync, SYNC.sweepDone);
  }
  return { minSize, maxSize };
}
