// The Locust experiment's table, measured here: what it costs to create a party that can
// wait. An async task is a suspended function and its promise, on the heap of the one
// thread; a worker thread is an OS thread with its own V8 isolate and event loop.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

export interface SpawnCost {
  count: number;
  /** Wall time to create them all (workers: until each has sent its first message), ÷ count. */
  createMicrosEach: number;
  /** Memory they hold while alive, ÷ count: retained heap for tasks, RSS for threads. */
  bytesEach: number;
  /** Threads only: the V8 heap of each worker's own isolate, as it reports it. */
  isolateHeapBytesEach?: number;
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** `count` async tasks, all suspended on one promise; then released and joined. */
export async function asyncTaskCost(count: number): Promise<SpawnCost> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const tasks: Promise<void>[] = new Array(count);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    tasks[i] = (async () => {
      await gate;
    })();
  }
  const elapsed = performance.now() - started;
  gc();
  // The `tasks` array (8 bytes a slot) was allocated before the first reading.
  const bytes = process.memoryUsage().heapUsed - heapBefore;
  release();
  await Promise.all(tasks);
  return { count, createMicrosEach: (elapsed * 1000) / count, bytesEach: bytes / count };
}

// The smallest worker: plain JavaScript, no TypeScript loader. It reports its isolate's heap
// and then idles.
const IDLE_WORKER =
  "require('node:worker_threads').parentPort.postMessage(" +
  "require('node:v8').getHeapStatistics().total_physical_size);";

const settle = async () => {
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
};

/**
 * `count` worker threads, started at once, alive until each has said it is up. Their memory
 * is what the process gives back once they have exited: RSS read before and after the
 * start is blurred by other threads that free memory meanwhile.
 */
export async function workerThreadCost(count: number, timeoutMs = 20_000): Promise<SpawnCost> {
  const started = performance.now();
  const workers = Array.from({ length: count }, () => new Worker(IDLE_WORKER, { eval: true }));
  let heaps: number[];
  let elapsed: number;
  let rssAlive: number;
  try {
    const up = Promise.all(
      workers.map(async (worker) => (await once(worker, 'message'))[0] as number),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`${count} workers did not start within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    heaps = await Promise.race([up, deadline]).finally(() => clearTimeout(timer));
    elapsed = performance.now() - started;
    await settle();
    rssAlive = process.memoryUsage().rss;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  await settle();
  const bytes = rssAlive - process.memoryUsage().rss;
  return {
    count,
    createMicrosEach: (elapsed * 1000) / count,
    bytesEach: bytes / count,
    isolateHeapBytesEach: heaps.reduce((sum, heap) => sum + heap, 0) / count,
  };
}
