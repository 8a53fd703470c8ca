// Host side: N TypeScript workers behind one start barrier, always terminated.
import { fileURLToPath } from 'node:url';
import { type TransferListItem, Worker } from 'node:worker_threads';
import { reviveError } from '../errors.ts';
import { Barrier } from './barrier.ts';
import { addMutantHits, deadlineScale, mutantSwitchForWorker } from './mutant-switch.ts';
import type { HostMessage, WorkerBoot, WorkerMessage } from './protocol.ts';

const bootstrap = fileURLToPath(new URL('./bootstrap.mjs', import.meta.url));

export interface WorkerPoolOptions<D> {
  /** Absolute path of a `.ts` module that calls `defineWorkerTask`. */
  entry: string;
  count: number;
  /** Per-worker data, cloned into the worker (SharedArrayBuffers are shared). */
  data: (index: number) => D;
  /** Bound on each round: a hung worker fails the round instead of hanging the suite. */
  timeoutMs?: number;
  /** Bound on loading the workers (tsx compiles each entry: slow on a busy machine). */
  startupTimeoutMs?: number;
  /** What `data(index)` holds that must move rather than be cloned (a MessagePort). */
  transferList?: (index: number) => TransferListItem[];
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: Error };

export interface WorkerPool<P, R> {
  readonly count: number;
  /** One round: every worker passes the barrier, runs, and reports. Throws the first error. */
  run(payload?: P | ((index: number) => P)): Promise<R[]>;
  runSettled(payload?: P | ((index: number) => P)): Promise<Settled<R>[]>;
  close(): Promise<void>;
}

/** A worker missed its deadline: it may still be blocked, so its pool is closed. */
export class WorkerTimeoutError extends Error {
  override name = 'WorkerTimeoutError';
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_STARTUP_TIMEOUT_MS = 30_000;

export async function startWorkerPool<D, P = undefined, R = unknown>(
  options: WorkerPoolOptions<D>,
): Promise<WorkerPool<P, R>> {
  const scale = deadlineScale();
  const timeoutMs = (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) * scale;
  const startupTimeoutMs = (options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS) * scale;
  const { entry, count } = options;
  const barrier = new Barrier(count);
  const mutant = mutantSwitchForWorker();
  const workers = Array.from({ length: count }, (_, index) => {
    const boot: WorkerBoot<D> = {
      entry,
      index,
      barrier: barrier.buffer,
      parties: count,
      data: options.data(index),
      ...(mutant ? { mutant } : {}),
    };
    return new Worker(bootstrap, { workerData: boot, transferList: options.transferList?.(index) });
  });
  let closed = false;
  /** Why the pool closed itself: a worker that missed its deadline (then closed is true). */
  let stuck: WorkerTimeoutError | undefined;

  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  };

  // The next message of one worker, or its crash, or the deadline.
  const nextReply = (
    worker: Worker,
    index: number,
    what: string,
    limitMs: number,
  ): Promise<WorkerMessage> =>
    new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (message: WorkerMessage) => {
        cleanup();
        addMutantHits(message.hits);
        resolve(message);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`worker ${index} exited with code ${code} during ${what}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new WorkerTimeoutError(
            `worker ${index} of ${count} did not finish ${what} within ${limitMs} ms ` +
              '(a deadlock, or a lost wake-up?)',
          ),
        );
      }, limitMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });

  const settle = async (
    worker: Worker,
    index: number,
    what: string,
    limitMs: number,
  ): Promise<Settled<R>> => {
    try {
      const reply = await nextReply(worker, index, what, limitMs);
      if (reply.type === 'error') {
        return { ok: false, error: reviveError(reply.error, `worker ${index}`) };
      }
      return { ok: true, value: (reply as { value: R }).value };
    } catch (error) {
      return { ok: false, error: error as Error };
    }
  };

  const throwFirst = <T>(settled: Settled<T>[]): T[] => {
    const failed = settled.find((outcome) => !outcome.ok);
    if (failed && !failed.ok) throw failed.error;
    return settled.map((outcome) => (outcome as { value: T }).value);
  };

  try {
    throwFirst(
      await Promise.all(workers.map((worker, i) => settle(worker, i, 'startup', startupTimeoutMs))),
    );
  } catch (error) {
    await close();
    throw error;
  }

  const runSettled = async (payload?: P | ((index: number) => P)): Promise<Settled<R>[]> => {
    if (stuck) {
      // The specs after a hung one must say what happened, not that some pool is closed.
      throw new Error(
        `an earlier spec in this file left a worker hanging: ${stuck.message}. ` +
          'Its workers were stopped, so this spec cannot run: fix the first failure in this file.',
      );
    }
    if (closed) throw new Error('the worker pool is closed');
    const replies = workers.map((worker, i) => settle(worker, i, 'its round', timeoutMs));
    workers.forEach((worker, i) => {
      const message: HostMessage = {
        type: 'run',
        payload: typeof payload === 'function' ? (payload as (index: number) => P)(i) : payload,
      };
      worker.postMessage(message);
    });
    const settled = await Promise.all(replies);
    // A worker that missed its deadline may still hold the barrier: the pool is unusable.
    const timedOut = settled.find(
      (outcome) => !outcome.ok && outcome.error instanceof WorkerTimeoutError,
    );
    if (timedOut && !timedOut.ok) {
      stuck = timedOut.error as WorkerTimeoutError;
      await close();
    }
    return settled;
  };

  return {
    count,
    runSettled,
    run: async (payload) => throwFirst(await runSettled(payload)),
    close,
  };
}

/** Starts a pool, hands it to `body`, and terminates every worker afterwards. */
export async function withWorkerPool<D, P, R, T>(
  options: WorkerPoolOptions<D>,
  body: (pool: WorkerPool<P, R>) => Promise<T>,
): Promise<T> {
  const pool = await startWorkerPool<D, P, R>(options);
  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}

/** One round on fresh workers: spawn, release together, collect, terminate. */
export function runWorkersSettled<D, R>(options: WorkerPoolOptions<D>): Promise<Settled<R>[]> {
  return withWorkerPool<D, undefined, R, Settled<R>[]>(options, (pool) => pool.runSettled());
}

export function runWorkers<D, R>(options: WorkerPoolOptions<D>): Promise<R[]> {
  return withWorkerPool<D, undefined, R, R[]>(options, (pool) => pool.run());
}
