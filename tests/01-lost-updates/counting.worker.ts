// Bench worker: one round adds `times` to a shared counter with the chosen strategy.
import { defineWorkerTask } from '../../lib/workers/task.ts';
import { type CountingRound, countingStrategies } from './counting-strategies.ts';

defineWorkerTask<{ counter: SharedArrayBuffer }, CountingRound, void>(({ counter }) => {
  const view = new Int32Array(counter);
  return ({ strategy, times }) => countingStrategies[strategy](view, 0, times);
});
