import type * as StripedMapModule from '@target/05-concurrent-map/striped-map';
import { seededRandom } from '../../lib/random.ts';
import { SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { importTarget } from '../../lib/target/import-target.ts';
import { defineWorkerTask } from '../../lib/workers/task.ts';
import { mover, reader } from './moves.ts';
import type {
  MixedResult,
  OverlapResult,
  StripedMapResult,
  StripedMapRound,
} from './striped-map.rounds.ts';

type StripedMap = StripedMapModule.StripedMap;

function mixed(
  map: StripedMap,
  worker: number,
  round: Extract<StripedMapRound, { kind: 'mixed' }>,
): MixedResult {
  const random = seededRandom(round.seed + worker);
  const model = new Map<number, number>();
  let wrongReads = 0;
  let firstWrongRead: string | undefined;
  for (let op = 0; op < round.ops; op++) {
    // Only this worker touches its keys, so its model is the truth for them.
    const key = Math.floor(random() * round.keys) * 4 + worker - 2 * round.keys;
    const dice = random();
    if (dice < 0.4) {
      const value = Math.floor(random() * 1_000_000);
      map.set(key, value);
      model.set(key, value);
    } else if (dice < 0.6) {
      const deleted = map.delete(key);
      if (deleted !== model.delete(key)) {
        wrongReads++;
        firstWrongRead ??= `delete(${key}) returned ${deleted}, expected ${!deleted}`;
      }
    } else {
      const value = map.get(key);
      if (value !== model.get(key)) {
        wrongReads++;
        firstWrongRead ??= `get(${key}) returned ${value}, expected ${model.get(key)}`;
      }
    }
  }
  return { wrongReads, firstWrongRead, model: [...model] };
}

/**
 * A probe inside every critical section: while a stripe map's `set` runs (under the stripe's
 * lock), the shared `inside` word counts it, and the write lingers ~a microsecond so that a
 * writer on another stripe can be seen to be inside at the same time.
 */
function overlap(map: StripedMap, keys: number[], probe: SharedArrayBuffer): OverlapResult {
  const inside = new Int32Array(probe);
  const set = SharedHashMap.prototype.set;
  let maxInside = 0;
  SharedHashMap.prototype.set = function probed(key, value) {
    maxInside = Math.max(maxInside, Atomics.add(inside, 0, 1) + 1);
    for (let spin = 0; spin < 200; spin++) maxInside = Math.max(maxInside, Atomics.load(inside, 0));
    set.call(this, key, value);
    Atomics.sub(inside, 0, 1);
  };
  try {
    for (const key of keys) map.set(key, key);
  } finally {
    SharedHashMap.prototype.set = set;
  }
  return { maxInside };
}

defineWorkerTask<undefined, StripedMapRound, StripedMapResult>(async (_, { index }) => {
  const { StripedMap } = await importTarget<typeof StripedMapModule>(
    '05-concurrent-map/striped-map',
  );
  return (round) => {
    const map = StripedMap.from(round.map);
    switch (round.kind) {
      case 'mixed':
        return mixed(map, index, round);
      case 'insert':
        for (let i = 0; i < round.perWorker; i++) map.set(index * round.perWorker + i, i);
        return undefined;
      case 'overlap':
        return index < round.keys.length
          ? overlap(map, round.keys[index]!, round.probe)
          : undefined;
      case 'moves':
        if (index === 0) mover(map, round);
        return index === 1 ? reader(map, round) : undefined;
    }
  };
});
