// A load worker thread: loads the scenario and, through the switch, kata 10's statistics;
// waits for the common start, runs its share of the users and posts an interval report every
// second (serialized statistics, never percentiles to average).
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from '../errors.ts';
import { loadStatsModule } from './kata-stats.ts';
import { ThreadRunner } from './runner.ts';
import { loadScenario } from './scenario.ts';
import type { FromLoadWorker, LoadWorkerData, ToLoadWorker } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts must run in a worker thread');
const { plan, scenarioPath, target, thread } = workerData as LoadWorkerData;
const send = (message: FromLoadWorker) => port.postMessage(message);

try {
  const [scenario, stats] = await Promise.all([
    loadScenario(scenarioPath),
    loadStatsModule(target),
  ]);
  const runner = new ThreadRunner(plan, scenario, {
    stats,
    thread,
    onReport: (report) => send({ type: 'report', report }),
  });
  port.on('message', (message: ToLoadWorker) => {
    if (message.type === 'stop') runner.stop();
    if (message.type === 'start') {
      runner.run().then(
        () => send({ type: 'done' }),
        (error: unknown) => send({ type: 'error', error: serializeError(error) }),
      );
    }
  });
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'error', error: serializeError(error) });
}
