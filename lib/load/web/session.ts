// The web UI's one load test at a time, in Locust's terms: Start (swarm) from the form, Stop,
// Reset (the statistics start over, the users keep going), and a snapshot of the run so far
// for the page, the downloads and the HTML report. Listeners hear of every second and every
// change of state.
import { resolve } from 'node:path';
import type { TargetSelection } from '../../target/target.ts';
import { reportCharts } from '../charts/report-series.ts';
import { writeCsvFiles } from '../csv.ts';
import { writeHtmlReport } from '../html-report.ts';
import { buildReport, type Report, type RunMeta } from '../report.ts';
import { type RunResult, runLoad } from '../run.ts';
import type { RunStats } from '../run-stats.ts';
import type { Threshold } from '../thresholds.ts';
import type { ClientKind } from '../transport.ts';
import { FormError, parseSwarmForm, type ScenarioChoice, type SwarmSettings } from './form.ts';
import type { RunState, Snapshot, SwarmForm } from './protocol.ts';
import { reportTables } from './snapshot.ts';

/** What the command line fixes for every run the page starts. */
export interface WebRunBase {
  workers: number;
  seed: number;
  timeoutMs: number;
  client: ClientKind;
  maxLoopDelayMs: number;
  /** Open model when set. */
  rate?: number;
  target: TargetSelection;
  thresholds: Threshold[];
  /** Written when each run ends, as the headless command writes them. */
  csv?: string;
  /** With --csv: a history row per request name too (--csv-full-history). */
  csvFullHistory?: boolean;
  html?: string;
}

interface ActiveRun {
  settings: SwarmSettings;
  meta: RunMeta;
  stop: AbortController;
  startedAt: number;
  state: 'running' | 'stopping' | 'stopped';
  /** Set once every thread is ready. */
  stats?: RunStats;
  result?: RunResult;
  error?: string;
  done: Promise<void>;
}

export class WebSession {
  private run: ActiveRun | undefined;
  private readonly listeners = new Set<() => void>();
  /** Changes whenever the chart history starts over (a new run, a reset). */
  private generation = 0;
  private resets = 0;

  constructor(
    readonly defaults: SwarmForm,
    readonly scenarios: ScenarioChoice[],
    private readonly base: WebRunBase,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Called after every second of a run and every change of state; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  get state(): RunState {
    const run = this.run;
    if (!run) return 'ready';
    if (run.state !== 'running') return run.state;
    const spawning = !this.base.rate && (run.stats?.users ?? 0) < run.settings.users;
    return spawning ? 'spawning' : 'running';
  }

  /** Locust's "Start swarming". Throws FormError for a bad form or a run in progress. */
  start(form: Partial<SwarmForm>): void {
    if (this.run && this.run.state !== 'stopped') {
      throw new FormError('A run is in progress: stop it first.');
    }
    const settings = parseSwarmForm(form, this.scenarios);
    const meta: RunMeta = {
      host: settings.host,
      scenario: settings.scenario.name,
      users: settings.users,
      spawnRate: settings.spawnRate,
      runTimeMs: settings.runTimeMs,
      workers: this.base.workers,
      seed: this.base.seed,
      client: this.base.client,
      maxLoopDelayMs: this.base.maxLoopDelayMs,
      ...(this.base.rate ? { rate: this.base.rate } : {}),
    };
    const run: ActiveRun = {
      settings,
      meta,
      stop: new AbortController(),
      startedAt: Date.now(),
      state: 'running',
      done: Promise.resolve(),
    };
    this.run = run;
    this.generation++;
    this.resets = 0;
    run.done = runLoad({
      host: settings.host,
      scenario: settings.scenario.file,
      users: settings.users,
      spawnRate: settings.spawnRate,
      runTimeMs: settings.runTimeMs,
      rate: this.base.rate,
      workers: this.base.workers,
      seed: this.base.seed,
      timeoutMs: this.base.timeoutMs,
      client: this.base.client,
      maxLoopDelayMs: this.base.maxLoopDelayMs,
      target: this.base.target,
      signal: run.stop.signal,
      onStart: (stats) => {
        run.stats = stats;
        run.startedAt = stats.startedAt;
        this.changed();
      },
      onTick: () => this.changed(),
    }).then(
      (result) => {
        run.result = result;
        run.state = 'stopped';
        this.writeFiles();
        this.log(`run ended: ${result.stats.aggregated.count} requests`);
        this.changed();
      },
      (error: unknown) => {
        run.error = error instanceof Error ? error.message : String(error);
        run.state = 'stopped';
        this.log(`the run failed: ${run.error}`);
        this.changed();
      },
    );
    this.log(
      `started: ${settings.scenario.name} → ${settings.host}, ${settings.users} users at ${settings.spawnRate}/s`,
    );
    this.changed();
  }

  /** Locust's Stop: the users stop, the statistics stay for reading and downloading. */
  stop(): Promise<void> {
    const run = this.run;
    if (!run || run.state === 'stopped') return Promise.resolve();
    if (run.state === 'running') {
      run.state = 'stopping';
      run.stop.abort();
      this.changed();
    }
    return run.done;
  }

  /** Locust's "Reset Stats": only while a run goes on; the run itself is not touched. */
  reset(): boolean {
    const run = this.run;
    if (!run?.stats || run.state !== 'running') return false;
    run.stats.reset();
    this.generation++;
    this.resets++;
    this.changed();
    return true;
  }

  /** The report of the run so far (or of the last run), as the headless command builds it. */
  report(): Report | undefined {
    const run = this.run;
    if (!run?.stats) return undefined;
    const result: RunResult = run.result
      ? { ...run.result, startedAt: run.stats.startedAt }
      : {
          stats: run.stats,
          threadCpu: [],
          interrupted: false,
          startedAt: run.stats.startedAt,
          endedAt: Date.now(),
        };
    return buildReport(run.meta, result, this.base.thresholds);
  }

  private writeFiles(): void {
    const report = this.report();
    if (!report) return;
    if (this.base.csv) {
      const fullHistory = this.base.csvFullHistory === true;
      this.log(`CSV: ${writeCsvFiles(resolve(this.base.csv), report, { fullHistory }).join(', ')}`);
    }
    if (this.base.html) {
      writeHtmlReport(resolve(this.base.html), report);
      this.log(`HTML report: ${resolve(this.base.html)}`);
    }
  }

  snapshot(): Snapshot {
    const run = this.run;
    const stats = run?.stats;
    const report = this.report();
    const total = report?.total;
    const last = stats?.history.at(-1);
    const endedAt = run?.result?.endedAt ?? Date.now();
    return {
      state: this.state,
      host: run?.settings.host ?? this.defaults.host,
      scenario: run?.settings.scenario.name ?? '',
      users: stats?.users ?? 0,
      targetUsers: run?.settings.users ?? 0,
      // Live: the last 10 s, as Locust's header; once stopped, the whole run's rates.
      rps: (run?.state === 'stopped' ? total?.rps : last?.rps) ?? 0,
      failPerSec: (run?.state === 'stopped' ? total?.failPerSec : last?.failPerSec) ?? 0,
      failRatio: total && total.count > 0 ? total.failures / total.count : 0,
      requests: total?.count ?? 0,
      elapsedMs: run ? endedAt - run.startedAt : 0,
      runTimeMs: run && Number.isFinite(run.settings.runTimeMs) ? run.settings.runTimeMs : null,
      startedAt: run?.startedAt ?? null,
      statsSince: stats?.startedAt ?? null,
      resets: this.resets,
      ...reportTables(report),
      warnings: report?.warnings ?? [],
      error: run?.error ?? null,
      chart: { generation: this.generation, from: 0, charts: report ? reportCharts(report) : [] },
    };
  }

  /** Stops a run in progress and waits for it. */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.stop();
  }

  get running(): boolean {
    return this.run !== undefined && this.run.state !== 'stopped';
  }
}
