// The lock-mode round, worker side. Two workers each make one call on the same StripedMap,
// and a probe in SharedHashMap's point operations (get, has, set, delete) says whether both
// were ever inside a stripe's map at once. Worker 0 goes first and, once inside, lingers until
// worker 1 is inside too or `holdMs` pass; worker 1 starts its call only once worker 0 is
// inside. So the answer does not depend on timing: a lock that excludes worker 1 keeps it out
// for the whole linger, and one that admits it lets it in at once.
import type { StripedMap } from '@target/05-concurrent-map/striped-map';
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { publish, waitUntil } from '../../lib/workers/signals.ts';
import type { PairResult, StripedMapRound } from './striped-map.rounds.ts';

type PairRound = Extract<StripedMapRound, { kind: 'pair' }>;
export type PointOp = 'get' | 'set' | 'delete';

/** Words of the round's `probe` buffer: per worker, 1 while it is inside a stripe's map … */
const INSIDE = [0, 1];
/** … and 1 from the moment it first came in (worker 1 may be in and out between two looks). */
const ENTERED = [2, 3];
export const PROBE_WORDS = 4;
/** How long worker 1 waits for worker 0 to be inside before the round fails. */
const ARRIVAL_MS = 5_000;
const PROBED = ['get', 'has', 'set', 'delete'] as const;
type Method = (this: SharedHashMap, ...args: unknown[]) => unknown;

/** Runs `body` with this map's point operations flagging worker `me` inside, then calling `onEnter`. */
function probing<T>(
  buffer: SharedArrayBuffer,
  words: Int32Array,
  me: number,
  onEnter: () => void,
  body: () => T,
): T {
  const prototype = SharedHashMap.prototype as unknown as Record<string, unknown>;
  const originals = PROBED.map((name) => [name, prototype[name] as Method] as const);
  for (const [name, original] of originals) {
    prototype[name] = function probed(this: SharedHashMap, ...args: unknown[]) {
      if (this.buffer !== buffer) return original.apply(this, args);
      publish(words, INSIDE[me]!, 1);
      publish(words, ENTERED[me]!, 1);
      try {
        onEnter();
        return original.apply(this, args);
      } finally {
        publish(words, INSIDE[me]!, 0);
      }
    };
  }
  try {
    return body();
  } finally {
    for (const [name, original] of originals) prototype[name] = original;
  }
}

function call(map: StripedMap, op: PointOp, key: number): void {
  if (op === 'get') map.get(key);
  else if (op === 'set') map.set(key, key);
  else map.delete(key);
}

export function pair(map: StripedMap, me: number, round: PairRound): PairResult {
  const words = new Int32Array(round.probe);
  let overlapped = false;
  // Worker 0 is inside for as long as it waits, so worker 1 coming in meanwhile is an overlap.
  const onEnter =
    me === 0
      ? () => {
          const entered = () => Atomics.load(words, ENTERED[1]!) === 1;
          overlapped ||= waitUntil(words, ENTERED[1]!, entered, round.holdMs);
        }
      : () => {
          overlapped ||= Atomics.load(words, INSIDE[0]!) === 1;
        };
  const firstInside = () => Atomics.load(words, INSIDE[0]!) === 1;
  if (me === 1 && !waitUntil(words, INSIDE[0]!, firstInside, ARRIVAL_MS)) {
    throw new Error(
      `worker 0's ${round.ops[0]} never reached a stripe's map within ${ARRIVAL_MS} ms`,
    );
  }
  probing(round.map, words, me, onEnter, () => call(map, round.ops[me]!, round.keys[me]!));
  return { overlapped };
}
