// vitest setup file: every spec file gets a watchdog thread (see README.md). The heartbeat
// timer is unref'd and the worker too, so neither keeps a finished file alive.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';
import { afterAll, beforeEach, expect } from 'vitest';
import { hangDir, hangThresholdMs } from './hang-record.ts';
import { createHeartbeat, publishName, type WatchdogData, WORD } from './heartbeat.ts';

// The watchdog kills the spec file's process. In a worker thread (vitest's `threads` pool, as
// Stryker's runner forces it) that process is the whole run: there the watchdog stays off.
if (isMainThread) startWatchdog();

function startWatchdog(): void {
  const thresholdMs = hangThresholdMs();
  const buffers = createHeartbeat();
  const words = new Int32Array(buffers.words);
  const root = process.cwd();
  const testPath = expect.getState().testPath ?? '';

  const data: WatchdogData = {
    ...buffers,
    thresholdMs,
    file: testPath ? relative(root, testPath) : '(unknown spec file)',
    recordDir: hangDir(root),
    runName: process.env.KATA_RUN_NAME ?? '',
    graceMs: 300,
  };
  const worker = new Worker(fileURLToPath(new URL('./watchdog-worker.mjs', import.meta.url)), {
    workerData: data,
  });
  worker.unref();

  const beat = setInterval(
    () => Atomics.add(words, WORD.beat, 1),
    Math.max(5, Math.min(100, thresholdMs / 20)),
  );
  beat.unref();

  /** `describe › it`, without the file name that vitest's fullName starts with. */
  function specName(task: { name: string; suite?: { name: string; suite?: unknown } }): string {
    const names = [task.name];
    for (let suite = task.suite; suite?.suite; suite = suite.suite as typeof suite) {
      names.unshift(suite.name);
    }
    return names.join(' › ');
  }

  beforeEach((context) => publishName(buffers, specName(context.task)));

  afterAll(() => {
    Atomics.store(words, WORD.paused, 1);
    clearInterval(beat);
    void worker.terminate();
  });
}
