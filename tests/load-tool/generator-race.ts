// Two load generators, each in its own process, against one bare node:http server in a third:
// our tool (`scripts/load.ts`) and autocannon (its CLI). The server counts the requests it
// answers, so both tools are measured by the same yardstick over the same kind of window (their
// start-up, TypeScript compilation included, is left out); CPU comes from /proc/<pid>/stat.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { processCpuSeconds } from '../../lib/load/cpu-usage.ts';
import { repoRoot } from '../../lib/target/target.ts';

export type Tool = 'ours' | 'autocannon';

const SERVER = `
let answered = 0;
const server = require('node:http').createServer((req, res) => { answered++; res.end('hello world'); });
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', () => process.send({ answered }));
`;

export interface CountingServer {
  pid: number;
  url: string;
  /** Requests answered so far. */
  answered(): Promise<number>;
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
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    answered: () =>
      new Promise((resolve) => {
        child.once('message', (message) => resolve((message as { answered: number }).answered));
        child.send('count');
      }),
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

function command(tool: Tool, { url, connections, rate, seconds }: RoundOptions): string[] {
  const runSeconds = Math.ceil(seconds + (WARMUP_MS + TAIL_MS) / 1000);
  if (tool === 'autocannon') {
    const cli = join(repoRoot, 'node_modules', 'autocannon', 'autocannon.js');
    const rateArgs = rate ? ['--overallRate', String(rate)] : [];
    return [cli, '--json', '-c', String(connections), '-d', String(runSeconds), ...rateArgs, url];
  }
  const script = join(repoRoot, 'scripts', 'load.ts');
  const scenario = join(repoRoot, 'lib', 'load', 'scenarios', 'hello.ts');
  const rateArgs = rate ? ['--rate', `${rate}/s`] : [];
  return [
    ...['--import', 'tsx', script, '--host', url, '--scenario', scenario],
    ...['--users', String(connections), '--spawn-rate', '1000000', '--run-time', `${runSeconds}s`],
    ...rateArgs,
  ];
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
  const before = await server.answered();
  const child = spawn(process.execPath, command(tool, options), {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const done = exited(child);
  try {
    const deadline = performance.now() + 60_000;
    while ((await server.answered()) === before) {
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
    const startCount = await server.answered();
    await sleep(options.seconds * 1000);
    const end = read();
    const endCount = await server.answered();
    if (child.exitCode !== null) throw new Error(`${tool} ended before the window did:\n${stderr}`);
    const wall = (end.at - start.at) / 1000;
    const answered = endCount - startCount;
    return {
      tool,
      rps: answered / wall,
      cpuPer10k: ((end.client - start.client) / answered) * 10_000,
      clientCpu: (end.client - start.client) / wall,
      serverCpu: (end.server - start.server) / wall,
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await done;
  }
}
