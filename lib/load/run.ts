// A whole run: split the users over threads (or run them here), start them together,
// merge their reports every second, stop on time or on a signal, return the statistics.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { reviveError } from '../errors.ts';
import { type TargetSelection, toolSelection } from '../target/target.ts';
import { type Clock, systemClock } from './clock.ts';
import { type LoadStatsModule, loadStatsModule } from './kata-stats.ts';
import type { LoopDelayProbe } from './loop-delay.ts';
import { type HistoryRow, RunStats } from './run-stats.ts';
import { type IntervalReport, type RunnerPlan, ThreadRunner } from './runner.ts';
import { loadScenario, type Scenario } from './scenario.ts';
import type { ClientKind, Transport } from './transport.ts';
import type { FromLoadWorker, LoadWorkerData, ToLoadWorker } from './worker-protocol.ts';

export interface LoadOptions<S = unknown> {
  host: string;
  /** A scenario module's path (needed with workers), or the scenario itself. */
  scenario: string | Scenario<S>;
  users: number;
  spawnRate: number;
  /** Infinity: until `signal` aborts. */
  runTimeMs: number;
  /** Open model: arrivals per second over all threads. */
  rate?: number;
  /** 0: run the users on this thread. */
  workers: number;
  seed: number;
  timeoutMs: number;
  client: ClientKind;
  maxLoopDelayMs: number;
  /** Whose kata 10 statistics every thread uses: the reference unless told (`--kata`). */
  target?: TargetSelection;
  /** In-process runs: the statistics already loaded, so a fake clock sees no await first. */
  stats?: LoadStatsModule;
  /** Stops the run early (Ctrl-C); the statistics so far are still returned. */
  signal?: AbortSignal;
  /** Once every thread is ready, with the statistics the run fills (the web UI resets them). */
  onStart?: (stats: RunStats) => void;
  /** Once a second, after merging what the threads reported. */
  onTick?: (row: HistoryRow, stats: RunStats) => void;
  /** In-process runs only: a clock, wire and loop probe a spec controls. */
  clock?: Clock;
  transport?: Transport;
  loopDelay?: LoopDelayProbe;
}

/** What one generator thread cost over the whole run. */
export interface ThreadCpu {
  thread: number;
  cpuSeconds: number;
  wallSeconds: number;
}

export interface RunResult {
  stats: RunStats;
  /** Per generator thread, in thread order; empty where /proc cannot tell (not Linux). */
  threadCpu: ThreadCpu[];
  /** Stopped by `signal` before the run time was up. */
  interrupted: boolean;
  /** Epoch ms. */
  startedAt: number;
  endedAt: number;
}

interface ThreadHandle {
  /** Resolves when the thread has sent its final report. */
  run(): Promise<void>;
  stop(): void;
}

const TICK_LAG_MS = 100;

const bootstrap = fileURLToPath(new URL('../workers/bootstrap.mjs', import.meta.url));
const workerEntry = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));

/** Users split as evenly as possible; each thread's spawn rate and arrival rate in proportion. */
export function splitPlan<S>(options: LoadOptions<S>, threads: number): RunnerPlan[] {
  const plans: RunnerPlan[] = [];
  let firstUserId = 0;
  for (let thread = 0; thread < threads; thread++) {
    const users = Math.floor(options.users / threads) + (thread < options.users % threads ? 1 : 0);
    const plan: RunnerPlan = {
      host: options.host,
      users,
      firstUserId,
      spawnRate: (options.spawnRate * users) / options.users,
      runTimeMs: options.runTimeMs,
      seed: options.seed,
      timeoutMs: options.timeoutMs,
      client: options.client,
    };
    if (options.rate) {
      plan.rate = options.rate / threads;
      plan.phaseMs = (thread * 1000) / options.rate;
    }
    plans.push(plan);
    firstUserId += users;
  }
  return plans;
}

function validate<S>(options: LoadOptions<S>): void {
  const positive = { users: options.users, spawnRate: options.spawnRate };
  for (const [name, value] of Object.entries(positive)) {
    if (!(value > 0)) throw new RangeError(`${name} must be positive; got ${value}`);
  }
  if (!Number.isInteger(options.users)) throw new RangeError('users must be an integer');
  if (!(options.runTimeMs > 0)) throw new RangeError('the run time must be positive');
  if (!(Number.isInteger(options.workers) && options.workers >= 0)) {
    throw new RangeError(`workers must be 0 or more; got ${options.workers}`);
  }
  if (options.workers > 0 && typeof options.scenario !== 'string') {
    throw new Error('worker threads load the scenario by path: pass its module path');
  }
}

function inProcessThread<S>(
  options: LoadOptions<S>,
  plan: RunnerPlan,
  stats: LoadStatsModule,
  onReport: (report: IntervalReport) => void,
): ThreadHandle {
  let runner: ThreadRunner<S> | undefined;
  let stopEarly = false;
  return {
    async run() {
      // A module's scenario is checked for shape only: its state type is its own business.
      const scenario =
        typeof options.scenario === 'string'
          ? ((await loadScenario(options.scenario)) as Scenario<S>)
          : options.scenario;
      runner = new ThreadRunner<S>(plan, scenario, {
        stats,
        clock: options.clock,
        transport: options.transport,
        loopDelay: options.loopDelay,
        onReport,
      });
      if (stopEarly) runner.stop();
      await runner.run();
    },
    stop() {
      stopEarly = true;
      runner?.stop();
    },
  };
}

/** Spawns every worker and resolves once all have loaded the scenario (the common start). */
async function workerThreads(
  plans: RunnerPlan[],
  scenarioPath: string,
  target: TargetSelection,
  onReport: (report: IntervalReport) => void,
): Promise<ThreadHandle[]> {
  const workers = plans.map((plan, thread) => {
    const data: LoadWorkerData = { entry: workerEntry, plan, scenarioPath, target, thread };
    return new Worker(bootstrap, { workerData: data });
  });
  const post = (worker: Worker, message: ToLoadWorker) => worker.postMessage(message);
  const finished = workers.map(
    (worker, thread) =>
      new Promise<void>((resolve, reject) => {
        worker.on('message', (message: FromLoadWorker) => {
          if (message.type === 'report') onReport(message.report);
          if (message.type === 'done') resolve();
          if (message.type === 'error') reject(reviveError(message.error, `load worker ${thread}`));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`load worker ${thread} exited (${code})`)));
      }),
  );
  const ready = workers.map(
    (worker) => new Promise<void>((resolve) => worker.once('message', () => resolve())),
  );
  try {
    await Promise.race([Promise.all(ready), Promise.all(finished)]);
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return workers.map((worker, thread) => ({
    async run() {
      post(worker, { type: 'start' });
      try {
        await finished[thread];
      } finally {
        await worker.terminate();
      }
    },
    stop: () => post(worker, { type: 'stop' }),
  }));
}

export async function runLoad<S>(options: LoadOptions<S>): Promise<RunResult> {
  validate(options);
  const clock = options.clock ?? systemClock;
  const threads = Math.min(Math.max(1, options.workers), options.users);
  const plans = splitPlan(options, threads);
  // Loaded here first, so a broken module fails the run before any thread starts.
  const target = options.target ?? toolSelection(false);
  const statsModule = options.stats ?? (await loadStatsModule(target));
  let stats: RunStats | undefined;
  const threadCpu = new Map<number, ThreadCpu>();
  const onReport = (report: IntervalReport) => {
    if (report.cpu) {
      const total = threadCpu.get(report.thread) ?? {
        thread: report.thread,
        cpuSeconds: 0,
        wallSeconds: 0,
      };
      total.cpuSeconds += report.cpu.cpuSeconds;
      total.wallSeconds += report.cpu.wallSeconds;
      threadCpu.set(report.thread, total);
    }
    stats!.add(report);
  };
  const handles =
    options.workers > 0
      ? await workerThreads(plans, options.scenario as string, target, onReport)
      : [inProcessThread(options, plans[0]!, statsModule, onReport)];
  // The clock starts when every thread is ready to go (workers take a while to load).
  const startedAt = clock.wall();
  stats = new RunStats(statsModule, () => clock.wall(), startedAt, options.maxLoopDelayMs);
  options.onStart?.(stats);
  let interrupted = false;
  const stopAll = () => {
    interrupted = true;
    for (const handle of handles) handle.stop();
  };
  if (options.signal?.aborted) stopAll();
  options.signal?.addEventListener('abort', stopAll, { once: true });

  const finished = new AbortController();
  const ticking = (async () => {
    // Ticks trail the threads' once-a-second reports a little, so each finds one to merge.
    await clock.sleep(TICK_LAG_MS, finished.signal);
    while (!finished.signal.aborted) {
      await clock.sleep(1000, finished.signal);
      if (finished.signal.aborted) break;
      const row = stats.tick();
      options.onTick?.(row, stats);
    }
  })();
  try {
    // A failed thread must not leave the others running.
    await Promise.all(
      handles.map((handle) =>
        handle.run().catch((error: unknown) => {
          for (const other of handles) other.stop();
          throw error;
        }),
      ),
    );
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
    finished.abort();
    await ticking;
  }
  stats.tick();
  return {
    stats,
    threadCpu: [...threadCpu.values()].sort((a, b) => a.thread - b.thread),
    interrupted,
    startedAt,
    endedAt: clock.wall(),
  };
}
