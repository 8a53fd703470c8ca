// One scalability sweep: for each N, N closed-model users with no think time run against the
// service for a warm-up (discarded) and then a measured step. Each step records throughput,
// mean response time, what each generator thread and the server spent in CPU, and whether the
// generator rather than the server was the bottleneck.
import { processCpuSeconds, SATURATED_SHARE } from '../load/cpu-usage.ts';
import { runLoad } from '../load/run.ts';

export interface SweepOptions {
  host: string;
  /** Concurrency levels, ascending. */
  ns: number[];
  stepMs: number;
  warmupMs: number;
  /** 0: the users run on the lab's own thread; k: on k worker threads. */
  workers: number;
  scenarioPath: string;
  /** The service's process, to read its CPU; undefined when it runs elsewhere. */
  serverPid?: number;
  seed: number;
  onStep?: (step: SweepStep) => void;
}

export interface SweepStep {
  n: number;
  /** Requests per second over the measured step. */
  x: number;
  /** Mean response time, ms. */
  meanMs: number;
  requests: number;
  failures: number;
  /** Each generator thread's CPU over the step, as a share of one core (1 = 100 %). */
  generatorCpu: number[];
  /** The service process's CPU over the step, as a share of one core. */
  serverCpu?: number;
  /** A generator thread was above SATURATED_SHARE: this step measured the generator. */
  generatorBound: boolean;
}

const load = (options: SweepOptions, users: number, runTimeMs: number, seed: number) =>
  runLoad({
    host: options.host,
    scenario: options.scenarioPath,
    users,
    spawnRate: 10_000,
    runTimeMs,
    workers: options.workers,
    seed,
    timeoutMs: 10_000,
    client: 'undici',
    maxLoopDelayMs: 100,
  });

export async function runSweep(options: SweepOptions): Promise<SweepStep[]> {
  const steps: SweepStep[] = [];
  for (const [i, n] of options.ns.entries()) {
    if (options.warmupMs > 0) await load(options, n, options.warmupMs, options.seed + 1000 + i);
    const serverBefore = options.serverPid ? processCpuSeconds(options.serverPid) : undefined;
    const wallBefore = performance.now();
    const result = await load(options, n, options.stepMs, options.seed + i);
    const serverAfter = options.serverPid ? processCpuSeconds(options.serverPid) : undefined;
    const serverSeconds = (performance.now() - wallBefore) / 1000;
    const seconds = (result.endedAt - result.startedAt) / 1000;
    const { total } = result.stats.summaries();
    const generatorCpu = result.threadCpu.map((t) => t.cpuSeconds / t.wallSeconds);
    const step: SweepStep = {
      n,
      x: total.count / seconds,
      meanMs: total.avg,
      requests: total.count,
      failures: total.failures,
      generatorCpu,
      ...(serverBefore !== undefined && serverAfter !== undefined
        ? { serverCpu: (serverAfter - serverBefore) / serverSeconds }
        : {}),
      generatorBound: generatorCpu.some((share) => share > SATURATED_SHARE),
    };
    steps.push(step);
    options.onStep?.(step);
  }
  return steps;
}

/** 1, 2, 4, … up to maxN (maxN itself included when it is not a power of two). */
export function doublings(maxN: number): number[] {
  const ns: number[] = [];
  for (let n = 1; n < maxN; n *= 2) ns.push(n);
  ns.push(maxN);
  return ns;
}
