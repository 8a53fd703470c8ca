// Worker side of the pool. A worker entry calls `defineWorkerTask` once.
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from '../errors.ts';
import { Barrier } from './barrier.ts';
import { takeMutantHits } from './mutant-switch.ts';
import type { HostMessage, WorkerBoot, WorkerMessage } from './protocol.ts';

export interface WorkerContext {
  index: number;
  parties: number;
}

/** Runs once per round, after every worker has passed the start barrier. */
export type RoundFn<P, R> = (payload: P) => R | Promise<R>;

/**
 * `setup` runs before the barrier (imports, views on shared memory) and returns the
 * function that each round runs after the barrier, so that all workers start together.
 */
export function defineWorkerTask<D, P = undefined, R = unknown>(
  setup: (data: D, context: WorkerContext) => RoundFn<P, R> | Promise<RoundFn<P, R>>,
): void {
  const port = parentPort;
  if (!port) throw new Error('defineWorkerTask must run inside a worker thread');
  const boot = workerData as WorkerBoot<D>;
  const barrier = new Barrier(boot.parties, boot.barrier);
  const send = (message: WorkerMessage) => port.postMessage({ ...message, hits: takeMutantHits() });

  const ready = Promise.resolve()
    .then(() => setup(boot.data, { index: boot.index, parties: boot.parties }))
    .then(
      (round) => {
        send({ type: 'ready' });
        return round;
      },
      (error: unknown) => {
        send({ type: 'error', error: serializeError(error) });
        return undefined;
      },
    );

  port.on('message', async (message: HostMessage) => {
    if (message.type !== 'run') return;
    const round = await ready;
    if (!round) return;
    barrier.arriveAndWait();
    try {
      send({ type: 'result', value: await round(message.payload as P) });
    } catch (error) {
      send({ type: 'error', error: serializeError(error) });
    }
  });
}
