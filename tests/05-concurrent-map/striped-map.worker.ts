import type * as StripedMapModule from '@target/05-concurrent-map/striped-map';
import { seededRandom } from '../../lib/random.ts';
import { importTarget } from '../../lib/target/import-target.ts';
import { defineWorkerTask } from '../../lib/workers/task.ts';
import { mover, reader } from './moves.ts';
import { pair } from './pairs.ts';
import type { MixedResult, StripedMapResult, StripedMapRound } from './striped-map.rounds.ts';

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
      case 'pair':
        return index < 2 ? pair(map, index, round) : undefined;
      case 'moves':
        if (index === 0) mover(map, round);
        return index === 1 ? reader(map, round) : undefined;
    }
  };
});
