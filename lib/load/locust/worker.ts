// A Locust worker that runs this repository's TypeScript scenarios (what boomer does in Go and
// locust4j in Java): it says client_ready, waits for the master's ack, then obeys spawn, stop and
// quit, sends a heartbeat every second and its statistics every three (runners.py WorkerRunner,
// 2.12.1). A user class it has no scenario for is refused: an `exception` to the master, the
// reason on stderr, a `quit`, and exit code 1.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { EXIT_CODES } from '../exit-codes.ts';
import type { ClientKind } from '../transport.ts';
import { MasterConnection } from './master-connection.ts';
import {
  type ExceptionData,
  HEARTBEAT_INTERVAL_MS,
  type HeartbeatData,
  LOCUST_VERSION,
  type Message,
  parseSpawn,
  STATS_INTERVAL_MS,
  type StatsData,
  type WorkerState,
} from './message.ts';
import { RequestStats } from './request-stats.ts';
import type { ScenarioRegistry } from './scenario-registry.ts';
import { UserPool } from './user-pool.ts';

export interface LocustWorkerOptions {
  /** tcp://HOST:PORT of the master's --master-bind-port. */
  masterUrl: string;
  registry: ScenarioRegistry;
  seed: number;
  timeoutMs: number;
  client: ClientKind;
  /** One line for the person running the worker (stderr). */
  log(line: string): void;
  /** Aborted on Ctrl-C: the worker tells the master it quits. */
  signal?: AbortSignal;
  /** runners.py CONNECT_TIMEOUT and CONNECT_RETRY_COUNT: 5 s, 60 tries. */
  connectTimeoutMs?: number;
  connectRetries?: number;
}

/** As Locust names its workers: host name, then a random hex id. */
export function newNodeId(): string {
  return `${hostname()}_${randomUUID().replaceAll('-', '')}`;
}

function exceptionData(error: unknown): ExceptionData {
  if (error instanceof Error) {
    return { msg: `${error.name}: ${error.message}`, traceback: error.stack ?? '' };
  }
  return { msg: String(error), traceback: '' };
}

export class LocustWorker {
  readonly nodeId = newNodeId();
  private readonly connection: MasterConnection;
  private readonly stats = new RequestStats();
  private readonly pool: UserPool;
  private state: WorkerState = 'ready';
  private lastSpawnTimestamp = 0;
  private acked: (() => void) | undefined;
  private timers: NodeJS.Timeout[] = [];
  private ending: Promise<number> | undefined;
  private lastCpu = process.cpuUsage();
  private lastCpuAt = performance.now();

  constructor(private readonly options: LocustWorkerOptions) {
    this.connection = new MasterConnection(options.masterUrl, this.nodeId);
    this.pool = new UserPool({
      registry: options.registry,
      recorder: this.stats,
      onTaskError: (error) => this.send('exception', exceptionData(error)),
      seed: options.seed,
      timeoutMs: options.timeoutMs,
      client: options.client,
    });
  }

  /** Runs until the master says quit (0), Ctrl-C (130) or a refusal or failure (1). */
  async run(): Promise<number> {
    const { signal, log } = this.options;
    const onAbort = () => void this.end(EXIT_CODES.interrupted, 'interrupted: quitting');
    signal?.addEventListener('abort', onAbort, { once: true });
    log(
      `Locust worker ${this.nodeId} → ${this.options.masterUrl} ` +
        `(scenarios: ${this.options.registry.names.join(', ')})`,
    );
    const receiving = this.receive().catch((error: unknown) =>
      this.end(EXIT_CODES.error, `lost the master: ${(error as Error).message}`),
    );
    if (!signal?.aborted) await this.connect();
    else onAbort();
    const code = await (this.ending ?? receiving.then(() => this.ending ?? EXIT_CODES.ok));
    signal?.removeEventListener('abort', onAbort);
    return code;
  }

  private send(type: string, data: unknown = null): void {
    void this.connection.send(type, data, (error) =>
      this.options.log(`could not send ${type}: ${error.message}`),
    );
  }

  /** client_ready until the master acks (Locust's worker retries every 5 s, 60 times). */
  private async connect(): Promise<void> {
    const timeoutMs = this.options.connectTimeoutMs ?? 5000;
    const retries = this.options.connectRetries ?? 60;
    for (let attempt = 1; attempt <= retries && !this.ending; attempt++) {
      const ack = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        this.acked = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      this.send('client_ready', LOCUST_VERSION);
      if (await ack) {
        if (!this.ending) this.startTimers();
        return;
      }
    }
    if (!this.ending) {
      await this.end(
        EXIT_CODES.error,
        `no Locust master answered at ${this.options.masterUrl} (${retries} tries)`,
      );
    }
  }

  private startTimers(): void {
    this.timers.push(
      setInterval(() => this.send('heartbeat', this.heartbeat()), HEARTBEAT_INTERVAL_MS),
      setInterval(() => this.send('stats', this.statsData()), STATS_INTERVAL_MS),
    );
  }

  private heartbeat(): HeartbeatData {
    const cpu = process.cpuUsage(this.lastCpu);
    const now = performance.now();
    const wallUs = Math.max(1, (now - this.lastCpuAt) * 1000);
    this.lastCpu = process.cpuUsage();
    this.lastCpuAt = now;
    return {
      state: this.state,
      current_cpu_usage: Math.round((1000 * (cpu.user + cpu.system)) / wallUs) / 10,
      current_memory_usage: process.memoryUsage.rss(),
    };
  }

  private statsData(): StatsData {
    return {
      ...this.stats.report(),
      user_classes_count: this.pool.counts(),
      user_count: this.pool.userCount,
    };
  }

  private async receive(): Promise<void> {
    for await (const message of this.connection.messages()) {
      if (this.ending) return;
      await this.handle(message);
    }
  }

  private async handle({ type, data }: Message): Promise<void> {
    switch (type) {
      case 'ack': {
        const index = (data as { index?: number } | null)?.index;
        this.options.log(
          `connected to the master${index === undefined ? '' : ` as worker ${index}`}`,
        );
        this.acked?.();
        this.acked = undefined;
        return;
      }
      case 'spawn':
        return this.spawn(data);
      case 'stop':
        this.options.log('the master stopped the test');
        await this.pool.stopAll();
        this.send('client_stopped');
        this.send('client_ready', LOCUST_VERSION);
        this.state = 'ready';
        return;
      case 'quit':
        await this.end(EXIT_CODES.ok, 'the master said quit');
        return;
      case 'reconnect':
        this.options.log('the master asked for a reconnect');
        this.connection.reconnect();
        this.send('client_ready', LOCUST_VERSION);
        return;
      default:
        this.options.log(`ignored a message of unknown type "${type}"`);
    }
  }

  private async spawn(data: unknown): Promise<void> {
    this.send('spawning');
    const job = parseSpawn(data);
    if (job.timestamp <= this.lastSpawnTimestamp) return; // an older job, as Locust discards it
    this.lastSpawnTimestamp = job.timestamp;
    if (this.state !== 'running' && this.state !== 'spawning') this.stats.clear(); // a new test
    this.state = 'spawning';
    try {
      if (job.host === null) {
        throw new Error('the master has no host to test: start it with --host http://…');
      }
      this.pool.resize(job.user_classes_count, job.host);
    } catch (error) {
      this.send('exception', exceptionData(error));
      await this.end(EXIT_CODES.error, (error as Error).message);
      return;
    }
    const users = this.pool.counts();
    this.send('spawning_complete', { user_classes_count: users, user_count: this.pool.userCount });
    this.state = 'running';
    this.options.log(`running ${JSON.stringify(users)} against ${job.host}`);
  }

  /** Stops the users, sends the last statistics and a quit, closes. Runs once. */
  private end(code: number, why: string): Promise<number> {
    this.ending ??= (async () => {
      this.options.log(why);
      for (const timer of this.timers) clearInterval(timer);
      this.acked?.();
      // Users halt at once (stopAll's synchronous part), so the last statistics go out before
      // they have wound down: the master waits only 0.5 s for them (MasterRunner.quit).
      const stopping = this.pool.stopAll();
      this.state = 'stopped';
      this.send('stats', this.statsData());
      await stopping;
      this.send('quit');
      await this.connection.close();
      return code;
    })();
    return this.ending;
  }
}
