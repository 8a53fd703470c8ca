// `npm run lab:scaling`: the course's "112 RPS with one Locust worker, 120 with three" as a
// measurement. Sweeps N closed-model users against the album service (its own process), once
// with the generator on each thread count asked for, and fits Amdahl's law and the USL.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { type SweepResult, sweepTable, writeLabPage } from '../lib/scaling/lab-report.ts';
import type { Point } from '../lib/scaling/points.ts';
import { doublings, runSweep } from '../lib/scaling/sweep.ts';
import { SWEEP_ALBUMS } from '../lib/scaling/sweep-scenario.ts';
import { importTarget } from '../lib/target/import-target.ts';
import { repoRoot, toolSelection } from '../lib/target/target.ts';

interface LabOptions {
  maxN: number;
  stepTime: number;
  warmup: number;
  workers: number[];
  writes?: boolean;
  kata?: boolean;
  host?: string;
  html: string;
  seed: number;
}

const positive = (name: string, integer: boolean) => (value: string) => {
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n))) {
    throw new InvalidArgumentError(`${name} must be a positive ${integer ? 'integer' : 'number'}`);
  }
  return n;
};

const threadCounts = (value: string) => {
  const counts = value.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 0 || n > 8)) {
    throw new InvalidArgumentError('give thread counts from 0 to 8, comma-separated, e.g. 1,2');
  }
  return counts;
};

function parseOptions(argv: string[]): LabOptions {
  return new Command('lab:scaling')
    .description(
      "Sweep N = 1, 2, 4, … users against the album service and fit Amdahl's law and the USL.",
    )
    .option('--max-n <n>', 'the largest number of users', positive('--max-n', true), 64)
    .option('--step-time <s>', 'seconds measured at each N', positive('--step-time', false), 3)
    .option('--warmup <s>', 'seconds of warm-up before each step, not measured', Number, 1)
    .option(
      '--workers <list>',
      'generator threads, one sweep per count (0: the lab thread itself)',
      threadCounts,
      [1, 2],
    )
    .option('--writes', 'add POSTs (the store then grows during the sweep: a confound)')
    .option('--kata', 'fit with your code in katas/11-scaling instead of the reference')
    .option('--host <url>', 'a running album service (default: start one on 127.0.0.1)')
    .option('--html <file>', 'the chart and tables, one offline page', 'out/scaling-lab.html')
    .option('--seed <n>', 'seed of the users’ choices', Number, 1)
    .parse(argv)
    .opts<LabOptions>();
}

/** Starts `npm run serve` (the reference, memory store) on a free port, as its own process. */
async function startService(): Promise<{ child: ChildProcess; host: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'scripts/serve.ts'), '--port', '0'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  const host = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the album service did not start in 30 s')),
      30_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the album service exited (${code}) before listening:\n${output}`));
    });
  });
  child.stdout!.resume();
  return { child, host };
}

async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(forced);
}

/** The fixed dataset: SWEEP_ALBUMS albums, created before the first step. */
async function seedAlbums(host: string): Promise<void> {
  const post = (i: number) =>
    fetch(`${host}/albums`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Lab ${i}`, artist: 'Scaling lab', price: 9.99 }),
    }).then((response) => {
      if (!response.ok) throw new Error(`seeding the albums: POST answered ${response.status}`);
      return response.arrayBuffer();
    });
  for (let i = 0; i < SWEEP_ALBUMS; i += 50) {
    await Promise.all(Array.from({ length: 50 }, (_, k) => post(i + k)));
  }
}

interface Fits {
  uslFit(points: Point[]): SweepResult['usl'];
  amdahlFit(points: Point[]): SweepResult['amdahl'];
}

async function loadFits(kata: boolean): Promise<Fits> {
  const selection = toolSelection(kata);
  const [usl, amdahl] = await Promise.all([
    importTarget<Pick<Fits, 'uslFit'>>('11-scaling/usl', selection),
    importTarget<Pick<Fits, 'amdahlFit'>>('11-scaling/amdahl', selection),
  ]);
  return { uslFit: usl.uslFit, amdahlFit: amdahl.amdahlFit };
}

function fitSweep(fits: Fits, label: string, steps: SweepResult['steps']): SweepResult {
  const points = steps.map((s) => ({ n: s.n, x: s.x }));
  try {
    return { label, steps, usl: fits.uslFit(points), amdahl: fits.amdahlFit(points) };
  } catch (error) {
    return { label, steps, fitError: error instanceof Error ? error.message : String(error) };
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  const ns = doublings(options.maxN);
  const fits = await loadFits(options.kata === true);
  const started = options.host ? undefined : await startService();
  const host = options.host ?? started!.host;
  const stop = () => started && stopService(started.child);
  process.once('SIGINT', () => void stop()?.then(() => process.exit(130)));
  try {
    console.log(`album service at ${host}; creating ${SWEEP_ALBUMS} albums for the sweep…`);
    await seedAlbums(host);
    if (options.writes) {
      console.log(
        'warning: --writes grows the store during the sweep, so later steps serve more albums: ' +
          'time, not only N, then shapes the curve',
      );
    }
    const scenario = options.writes ? 'sweep-writes-scenario.ts' : 'sweep-scenario.ts';
    const perStep = options.warmup + options.stepTime;
    console.log(
      `N = ${ns.join(', ')}; ${options.warmup} s warm-up + ${options.stepTime} s measured per ` +
        `step; ${options.workers.length} sweep(s): about ${Math.ceil(ns.length * perStep * options.workers.length)} s`,
    );
    const sweeps: SweepResult[] = [];
    for (const workers of options.workers) {
      const label =
        workers === 0
          ? 'generator on the lab thread'
          : `generator on ${workers} worker thread${workers > 1 ? 's' : ''}`;
      console.log(`\n${label}:`);
      const steps = await runSweep({
        host,
        ns,
        stepMs: options.stepTime * 1000,
        warmupMs: options.warmup * 1000,
        workers,
        scenarioPath: join(repoRoot, 'lib/scaling', scenario),
        serverPid: started?.child.pid,
        seed: options.seed,
        onStep: (s) =>
          console.log(
            `  N = ${String(s.n).padStart(3)}: ${s.x.toFixed(0).padStart(6)} req/s, ` +
              `mean ${s.meanMs.toFixed(2)} ms, generator ${s.generatorCpu.map((c) => `${Math.round(c * 100)} %`).join('/') || 'n/a'}` +
              `${s.serverCpu === undefined ? '' : `, server ${Math.round(s.serverCpu * 100)} %`}` +
              `${s.generatorBound ? ' (generator-bound)' : ''}`,
          ),
      });
      sweeps.push(fitSweep(fits, label, steps));
    }
    console.log('');
    for (const sweep of sweeps) console.log(`${sweepTable(sweep)}\n`);
    const settings: [string, string][] = [
      [
        'Service',
        `${host} (the reference, memory store${options.host ? ', given by --host' : ''})`,
      ],
      ['Load', options.writes ? 'reads by id and page, and POSTs' : 'reads by id and by page'],
      [
        'Steps',
        `N = ${ns.join(', ')}; ${options.warmup} s warm-up, ${options.stepTime} s measured`,
      ],
      ['Fits', options.kata ? 'your code in katas/11-scaling' : 'the reference'],
      ['Machine', `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`],
      [
        'Load average before',
        loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      ],
    ];
    writeLabPage(options.html, sweeps, settings);
    console.log(`chart and tables: ${options.html}`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
