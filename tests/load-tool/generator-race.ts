// Two load generators, each in its own process, against one bare node:http server in a third:
// our tool (`scripts/load.ts`) and autocannon (its CLI). The server counts the requests it
// answers, so both tools are measured by the same yardstick over the same kind of window (their
// start-up, TypeScript compilation included, is left out); CPU comes from /proc/<pid>/stat.
// The server also counts its answers per 100 ms, so a round shows how the tool spread its
// requests over time, not only how many it sent.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { processCpuSeconds } from '../../lib/load/cpu-usage.ts';
import { repoRoot } from '../../lib/target/target.ts';

/**
 * `ours-bursts` is our tool paced as autocannon paces `overallRate` (per-second-quota.ts): the
 * same requests as `ours --rate`, sent in bursts at the start of each second.
 */
export type Tool = 'ours' | 'autocannon' | 'ours-bursts';

/** Answers counted per slot of this length. */
const SLOT_MS = 100;

const SERVER = `
let answered = 0;
const totals = [];
setInterval(() => totals.push(answered), ${SLOT_MS}).unref();
const server = require('node:http').createServer((req, res) => { answered++; res.end('hello world'); });
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (what) => process.send(what === 'slots' ? { totals } : { answered, slot: totals.length }));
`;

export interface CountingServer {
  pid: number;
  url: string;
  /** Requests answered so far, and the index of the 100 ms slot now filling. */
  count(): Promise<{ answered: number; slot: number }>;
  /** Requests answered in each 100 ms slot strictly between slots `from` and `to`. */
  slots(from: number, to: number): Promise<number[]>;
  close(): void;
}

export async function startCountingServer(): Promise<CountingServer> {
  const child = spawn(process.execPath, ['-e', SERVER], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number }));
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  const ask = <T>(what: string) =>
    new Promise<T>((resolve) => {
      child.once('message', (message) => resolve(message as T));
      child.send(what);
    });
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    count: () => ask<{ answered: number; slot: number }>('count'),
    slots: async (from, to) => {
      const { totals } = await ask<{ totals: number[] }>('slots');
      return totals.slice(from, to).flatMap((total, i, all) => (i ? [total - all[i - 1]!] : []));
    },
    close: () => child.kill(),
  };
}

export interface RoundOptions {
  url: string;
  connections: number;
  /** Fixed arrival rate (req/s over all connections); as fast as possible when undefined. */
  rate?: number;
  /** Length of the measured window. */
  seconds: number;
}

export interface Round {
  tool: Tool;
  /** Requests the server answered per second of the window. */
  rps: number;
  /**
   * The busiest 100 ms of the window over the mean 100 ms: about 1 for requests spread evenly,
   * about 10 for a second's requests sent in one burst.
   */
  peakToMean: number;
  /** Client CPU (all its threads) per 10,000 requests answered in the window, in seconds. */
  cpuPer10k: number;
  /** Shares of one core over the window. */
  clientCpu: number;
  serverCpu: number;
}

/**
 * Skipped after the first request arrives: connections opened, code compiled, and at a fixed
 * rate the backlog of a slow start drained (a tool catching up runs flat out, which is cheaper
 * per request than the rate itself).
 */
const WARMUP_MS = Number(process.env.LOAD_BENCH_WARMUP_MS ?? 2000);
/** The tool runs this much longer than warm-up plus window, so it is still busy at the end. */
const TAIL_MS = 1_500;

interface Command {
  args: string[];
  env?: NodeJS.ProcessEnv;
}

function command(tool: Tool, { url, connections, rate, seconds }: RoundOptions): Command {
  const runSeconds = Math.ceil(seconds + (WARMUP_MS + TAIL_MS) / 1000);
  if (tool === 'autocannon') {
    const cli = join(repoRoot, 'node_modules', 'autocannon', 'autocannon.js');
    const rateArgs = rate ? ['--overallRate', String(rate)] : [];
    return {
      args: [cli, '--json', '-c', String(connections), '-d', String(runSeconds), ...rateArgs, url],
    };
  }
  const script = join(repoRoot, 'scripts', 'load.ts');
  const bursts = tool === 'ours-bursts';
  if (bursts && !(rate && rate % connections === 0)) {
    throw new Error(`ours-bursts needs a rate that is a multiple of ${connections} connections`);
  }
  const scenario = bursts
    ? join(repoRoot, 'tests', 'load-tool', 'per-second-quota.ts')
    : join(repoRoot, 'lib', 'load', 'scenarios', 'hello.ts');
  const rateArgs = rate && !bursts ? ['--rate', `${rate}/s`] : [];
  return {
    args: [
      ...['--import', 'tsx', script, '--host', url, '--scenario', scenario],
      ...[
        '--users',
        String(connections),
        '--spawn-rate',
        '1000000',
        '--run-time',
        `${runSeconds}s`,
      ],
      ...rateArgs,
    ],
    env: bursts ? { ...process.env, LOAD_QUOTA_PER_USER: String(rate! / connections) } : undefined,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** One tool's round: waits for its first requests, skips the warm-up, measures the window. */
export async function runRound(
  tool: Tool,
  server: CountingServer,
  options: RoundOptions,
): Promise<Round> {
  const before = (await server.count()).answered;
  const { args, env } = command(tool, options);
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const done = exited(child);
  try {
    const deadline = performance.now() + 60_000;
    while ((await server.count()).answered === before) {
      if (child.exitCode !== null || performance.now() > deadline) {
        throw new Error(`${tool} sent nothing (exit ${child.exitCode}):\n${stderr}`);
      }
      await sleep(20);
    }
    await sleep(WARMUP_MS);
    const read = () => ({
      at: performance.now(),
      client: processCpuSeconds(child.pid!) ?? Number.NaN,
      server: processCpuSeconds(server.pid) ?? Number.NaN,
    });
    const start = read();
    const startCount = await server.count();
    await sleep(options.seconds * 1000);
    const end = read();
    const endCount = await server.count();
    const perSlot = await server.slots(startCount.slot, endCount.slot);
    if (child.exitCode !== null) throw new Error(`${tool} ended before the window did:\n${stderr}`);
    const wall = (end.at - start.at) / 1000;
    const answered = endCount.answered - startCount.answered;
    const mean = perSlot.reduce((sum, count) => sum + count, 0) / perSlot.length;
    return {
      tool,
      rps: answered / wall,
      peakToMean: Math.max(...perSlot) / mean,
      cpuPer10k: ((end.client - start.client) / answered) * 10_000,
      clientCpu: (end.client - start.client) / wall,
      serverCpu: (end.server - start.server) / wall,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await done;
  }
}
