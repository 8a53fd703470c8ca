// One thread's share of a run: spawn users (closed model) or release arrivals on a fixed
// schedule (open model), record every request, report once a second, stop on time or on
// demand. The coordinator runs one of these in-process or one per worker thread.
import { setMaxListeners } from 'node:events';
import { getHeapStatistics } from 'node:v8';
import { seededRandom } from '../random.ts';
import { LoadClient } from './client.ts';
import { type Clock, systemClock } from './clock.ts';
import { CpuMeter, type CpuSample } from './cpu-usage.ts';
import type { LoadStatsModule } from './kata-stats.ts';
import { eventLoopDelayProbe, type LoopDelay, type LoopDelayProbe } from './loop-delay.ts';
import { type DrainedStats, Recorder } from './recorder.ts';
import { type Scenario, taskPicker, type VirtualUser } from './scenario.ts';
import { type ClientKind, createTransport, type Transport } from './transport.ts';
import type { WaitContext } from './wait.ts';

export interface RunnerPlan {
  host: string;
  /** This thread's users (the open model's pool of virtual users). */
  users: number;
  /** Global id of this thread's first user, so every user has its own seed. */
  firstUserId: number;
  /** Users started per second (closed model). */
  spawnRate: number;
  /** Infinity: until stopped. */
  runTimeMs: number;
  /** Open model: this thread's arrivals per second. Closed model when undefined. */
  rate?: number;
  /** Open model: this thread's schedule is shifted by this much, so threads interleave. */
  phaseMs?: number;
  seed: number;
  timeoutMs: number;
  client: ClientKind;
}

export interface ArrivalCounts {
  /** Arrivals the schedule released (open model). */
  scheduled: number;
  /** Started more than LATE_MS after their intended time; their latency still counts from it. */
  late: number;
  /** Never sent: the backlog already held MAX_BACKLOG_SECONDS of arrivals. */
  dropped: number;
}

export interface IntervalReport extends DrainedStats {
  thread: number;
  users: number;
  /** Counts for this interval only. */
  arrivals: ArrivalCounts;
  loopDelay: LoopDelay;
  /** This thread's own CPU over the interval (Linux); what the generator costs. */
  cpu?: CpuSample;
  /** This thread's V8 heap in use, and the process's resident memory, at the report. */
  heapUsedBytes?: number;
  rssBytes?: number;
  final: boolean;
}

export interface RunnerOptions {
  /** Kata 10's statistics, as the switch chose them (`loadStatsModule`). */
  stats: LoadStatsModule;
  thread?: number;
  clock?: Clock;
  transport?: Transport;
  loopDelay?: LoopDelayProbe;
  reportEveryMs?: number;
  /** How long a stopped run waits for tasks that ignore the stop (not requests: those end). */
  graceMs?: number;
  onReport(report: IntervalReport): void;
}

export const LATE_MS = 10;
/** The open model sends the arrivals due this soon together with the ones due now. */
export const ARRIVAL_BATCH_MS = 2;
export const MAX_BACKLOG_SECONDS = 10;

/** Spreads (seed, user) over 32 bits so neighbouring users get unrelated streams. */
function userSeed(seed: number, userId: number): number {
  return Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(userId + 1, 0xc2b2ae35);
}

/** What a wait sees of the task that just ended, one per user; the clock is read on demand. */
class TaskTiming implements WaitContext {
  began = 0;

  constructor(
    readonly random: () => number,
    private readonly clock: Clock,
  ) {}

  get taskMs(): number {
    return this.clock.now() - this.began;
  }
}

export class ThreadRunner<S> {
  private readonly clock: Clock;
  private readonly transport: Transport;
  private readonly recorder: Recorder;
  private readonly loopDelay: LoopDelayProbe;
  /** Started with the runner, on the thread that runs the users. */
  private readonly cpu = new CpuMeter();
  private readonly pick;
  private readonly stopController = new AbortController();
  /** Mirrors the stop signal: read several times per request, a plain field is cheapest. */
  private halted = false;
  private users = 0;
  private arrivals: ArrivalCounts = { scheduled: 0, late: 0, dropped: 0 };

  constructor(
    private readonly plan: RunnerPlan,
    private readonly scenario: Scenario<S>,
    private readonly options: RunnerOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.transport =
      options.transport ??
      createTransport(plan.client, {
        host: plan.host,
        connections: plan.users,
        timeoutMs: plan.timeoutMs,
      });
    this.recorder = new Recorder(options.stats.StatsEntry, () => this.clock.wall(), {
      uncorrected: plan.rate !== undefined,
    });
    this.loopDelay = options.loopDelay ?? eventLoopDelayProbe();
    this.pick = taskPicker(scenario.tasks);
    // Every sleeping user listens for the stop.
    setMaxListeners(0, this.stopController.signal);
  }

  get stopped(): boolean {
    return this.halted;
  }

  stop(): void {
    this.halted = true;
    this.stopController.abort();
  }

  /** Runs until the run time is up or `signal` aborts; the last report has `final: true`. */
  async run(signal?: AbortSignal): Promise<void> {
    const stopSignal = this.stopController.signal;
    const onAbort = () => this.stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) this.stop();
    const start = this.clock.now();
    const stopped = new Promise<void>((resolve) => {
      if (stopSignal.aborted) resolve();
      stopSignal.addEventListener('abort', () => resolve(), { once: true });
    });
    if (Number.isFinite(this.plan.runTimeMs)) {
      void this.clock.sleep(this.plan.runTimeMs, stopSignal).then(onAbort);
    }
    const reporting = this.reportEverySecond();
    // A scenario that cannot even create its users ends the run, with the reason.
    let failure: { error: unknown } | undefined;
    try {
      const work = (
        this.plan.rate ? this.openModel(this.plan.rate) : this.closedModel(start)
      ).catch((error: unknown) => {
        failure = { error };
        this.stop();
      });
      await stopped;
      await this.transport.destroy();
      const grace = new AbortController();
      await Promise.race([work, this.clock.sleep(this.options.graceMs ?? 2000, grace.signal)]);
      grace.abort();
      await reporting;
      if (failure) throw failure.error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.report(true);
      this.loopDelay.stop();
    }
  }

  private report(final: boolean): void {
    const arrivals = this.arrivals;
    this.arrivals = { scheduled: 0, late: 0, dropped: 0 };
    this.options.onReport({
      ...this.recorder.drain(),
      thread: this.options.thread ?? 0,
      users: this.users,
      arrivals,
      loopDelay: this.loopDelay.read(),
      cpu: this.cpu.sample(),
      heapUsedBytes: getHeapStatistics().used_heap_size,
      rssBytes: process.memoryUsage.rss(),
      final,
    });
  }

  private async reportEverySecond(): Promise<void> {
    const every = this.options.reportEveryMs ?? 1000;
    while (!this.stopped) {
      await this.clock.sleep(every, this.stopController.signal);
      if (!this.stopped) this.report(false);
    }
  }

  private createUser(index: number): VirtualUser<S> {
    const id = this.plan.firstUserId + index;
    const client = new LoadClient(this.transport, this.recorder, this.clock, () => this.stopped);
    return {
      id,
      client,
      random: seededRandom(userSeed(this.plan.seed, id)),
      state: this.scenario.state(),
    };
  }

  /** A task that throws is counted (not a request failure) and the user carries on. */
  private async guard(body: () => Promise<void> | void): Promise<void> {
    try {
      await body();
    } catch (error) {
      if (!this.stopped) this.recorder.taskError(error);
    }
  }

  private async closedModel(start: number): Promise<void> {
    const loops: Promise<void>[] = [];
    for (let index = 0; index < this.plan.users && !this.stopped; index++) {
      const delay = start + (index * 1000) / this.plan.spawnRate - this.clock.now();
      if (delay > 0) await this.clock.sleep(delay, this.stopController.signal);
      if (this.stopped) break;
      this.users++;
      loops.push(this.userLoop(this.createUser(index)));
    }
    await Promise.all(loops);
  }

  /** Locust's user: on_start, then task, wait, task, wait … until the run stops. */
  private async userLoop(user: VirtualUser<S>): Promise<void> {
    const { onStart } = this.scenario;
    if (onStart) await this.guard(() => onStart(user));
    const timing = new TaskTiming(user.random, this.clock);
    while (!this.stopped) {
      const task = this.pick(user.random());
      timing.began = this.clock.now();
      const requestsBefore = user.client.requests;
      // Not `guard`: this is the hot loop, one closure and one promise fewer per task.
      try {
        await task.run(user);
      } catch (error) {
        if (!this.stopped) this.recorder.taskError(error);
      }
      if (this.stopped) break;
      const waitMs = this.scenario.wait(timing);
      // A task without I/O and without a wait would never let timers (or the stop) run.
      if (waitMs > 0 || user.client.requests === requestsBefore) {
        await this.clock.sleep(waitMs, this.stopController.signal);
      }
    }
  }

  /**
   * wrk2's open model: arrival k is due at first + k / rate whatever the replies do. Each
   * runs one task on an idle virtual user, or waits in the backlog for one; its first
   * request's latency counts from the due time, so a stall shows in every arrival it delays.
   */
  private async openModel(rate: number): Promise<void> {
    const vus = Array.from({ length: this.plan.users }, (_, index) => this.createUser(index));
    this.users = vus.length;
    const { onStart } = this.scenario;
    if (onStart) await Promise.all(vus.map((vu) => this.guard(() => onStart(vu))));
    const idle = vus.reverse();
    const backlog: number[] = [];
    const maxBacklog = Math.ceil(rate * MAX_BACKLOG_SECONDS);
    // Arrivals being served, and the wake-up of a stopped run waiting for them to end: a
    // count, not a set of promises, so an arrival costs no extra promise or closure.
    let serving = 0;
    let allServed: (() => void) | undefined;

    const serve = async (vu: VirtualUser<S>, due: number): Promise<void> => {
      for (let next: number | undefined = due; next !== undefined && !this.stopped; ) {
        if (this.clock.now() - next > LATE_MS) this.arrivals.late++;
        vu.client.intendedStart = next;
        // Not `guard`: one closure and one promise fewer per arrival.
        try {
          await this.pick(vu.random()).run(vu);
        } catch (error) {
          if (!this.stopped) this.recorder.taskError(error);
        }
        vu.client.intendedStart = undefined;
        next = backlog.shift();
      }
      idle.push(vu);
      if (--serving === 0) allServed?.();
    };
    const arrive = (due: number) => {
      this.arrivals.scheduled++;
      const vu = idle.pop();
      if (vu) {
        serving++;
        void serve(vu, due);
      } else if (backlog.length < maxBacklog) backlog.push(due);
      else this.arrivals.dropped++;
    };

    const interval = 1000 / rate;
    const first = this.clock.now() + (this.plan.phaseMs ?? 0);
    for (let k = 0; !this.stopped; ) {
      const delay = first + k * interval - this.clock.now();
      if (delay > 0) {
        await this.clock.sleep(delay, this.stopController.signal);
        continue;
      }
      // Everything due by now arrives now: a late wake-up never thins the schedule. So do the
      // arrivals due within the next ARRIVAL_BATCH_MS: one wake-up per batch instead of one per
      // millisecond (a wake-up costs more than the request it sends). They go out at most that
      // early, and their latency counts from when they were sent.
      const until = this.clock.now() + ARRIVAL_BATCH_MS;
      for (; first + k * interval <= until; k++) arrive(first + k * interval);
    }
    if (serving > 0) {
      await new Promise<void>((resolve) => {
        allServed = resolve;
      });
    }
  }
}
