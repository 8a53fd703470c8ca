// `npm run load -- --host http://127.0.0.1:8080 [options]`: Locust's headless run, plus
// an open model, worker threads, thresholds, CSV and an offline HTML report.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { toolSelection } from '../target/target.ts';
import { writeCsvFiles } from './csv.ts';
import { EXIT_CODES, EXIT_CODES_HELP } from './exit-codes.ts';
import { generatorLines } from './generator-cost.ts';
import { writeGeneratorCsv } from './generator-csv.ts';
import { writeHtmlReport } from './html-report.ts';
import { liveLine, liveOutput } from './live.ts';
import {
  buildReport,
  modelOf,
  type Report,
  type RunMeta,
  sideBySideRows,
  thresholdLines,
} from './report.ts';
import { runLoad } from './run.ts';
import { loadScenario } from './scenario.ts';
import { failuresTable, percentilesTable, sideBySideTable, statsTable } from './table.ts';
import { parseThreshold, type Threshold } from './thresholds.ts';
import type { ClientKind } from './transport.ts';
import { formatDuration, parseDuration, parseRate } from './units.ts';

export const DEFAULT_SCENARIO = fileURLToPath(new URL('./scenarios/albums.ts', import.meta.url));

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Aborted on Ctrl-C: the run stops and the reports are still written. */
  signal?: AbortSignal;
}

interface Parsed {
  host: string;
  scenario: string;
  users: number;
  spawnRate: number;
  runTime: number;
  rate?: number;
  workers: number;
  threshold: Threshold[];
  csv?: string;
  csvFullHistory?: boolean;
  html?: string;
  seed: number;
  timeout: number;
  client: ClientKind;
  maxLoopDelay: number;
  kata?: boolean;
}

const argument =
  <T>(parse: (text: string) => T) =>
  (text: string): T => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };

function count(min: number) {
  return argument((text) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`expected an integer ≥ ${min}`);
    return value;
  });
}

const positive = argument((text) => {
  const value = Number(text);
  if (!(value > 0)) throw new Error('expected a positive number');
  return value;
});

function program(): Command {
  return new Command('load')
    .description(
      'Load-test an HTTP service with Locust-style users (closed model) or a fixed arrival rate (open model).',
    )
    .requiredOption('-H, --host <url>', 'the service, e.g. http://127.0.0.1:8080')
    .addOption(
      new Option('-f, --scenario <file>', 'a scenario module (its default export)').default(
        DEFAULT_SCENARIO,
        'lib/load/scenarios/albums.ts, the album service',
      ),
    )
    .option(
      '-u, --users <n>',
      'users (the open model: the pool that serves arrivals)',
      count(1),
      50,
    )
    .option('-r, --spawn-rate <n>', 'users started per second', positive, 10)
    .addOption(
      new Option('-t, --run-time <duration>', 'e.g. 30s, 2m, 1h30m')
        .argParser(argument(parseDuration))
        .default(30_000, '30s'),
    )
    .option(
      '--rate <rate>',
      'open model: arrivals per second, e.g. 500/s; latency from the intended send time',
      argument(parseRate),
    )
    .option('-w, --workers <n>', 'worker threads sharing the users (0: this thread)', count(0), 0)
    .addOption(
      new Option(
        '--threshold <expr>',
        'an SLA on the Aggregated row, repeatable: "p95<200", "p(99)<1s", "avg<100", "fail<1%", "rps>50"',
      )
        .argParser((text: string, previous: Threshold[]) => [
          ...previous,
          argument(parseThreshold)(text),
        ])
        .default([] as Threshold[], 'none'),
    )
    .option(
      '--csv <prefix>',
      'write <prefix>_stats.csv, _stats_history.csv, _failures.csv, _exceptions.csv (Locust 2.12’s format) and _generator.csv',
    )
    .option('--csv-full-history', 'also write a history row per request name every second')
    .option('--html <file>', 'write a single-file HTML report (opens offline)')
    .option('--seed <n>', 'seeds every user’s random choices', count(0), 1)
    .addOption(
      new Option('--timeout <duration>', 'per request')
        .argParser(argument(parseDuration))
        .default(30_000, '30s'),
    )
    .addOption(
      new Option(
        '--client <kind>',
        'HTTP client: net (fastest, http only), undici (https too) or fetch (slowest)',
      )
        .choices(['net', 'undici', 'fetch'])
        .default('net'),
    )
    .option(
      '--max-loop-delay <ms>',
      'event-loop delay (p99) above which the generator calls itself saturated',
      positive,
      50,
    )
    .option(
      '--kata',
      'record with your kata 10 code in katas/ (every thread) instead of the reference',
    )
    .addHelpText(
      'after',
      '\nAs a Locust worker (see `--locust-master tcp://HOST:5557 --help`):\n' +
        '  --locust-master <url>  run the scenarios under a Locust master; it sets the rest\n' +
        `\n${EXIT_CODES_HELP}\n`,
    )
    .exitOverride();
}

export function consoleReport(report: Report): string {
  const lines = [
    statsTable(report.rows, report.total),
    '',
    percentilesTable(report.rows, report.total),
    '',
    failuresTable(report.failures),
  ];
  const sideBySide = sideBySideRows(report);
  if (sideBySide.length > 0) lines.push('', sideBySideTable(sideBySide));
  const generator = generatorLines(report.result.stats.generator);
  if (generator.length > 0) lines.push('', ...generator);
  if (report.thresholds.length > 0)
    lines.push('', 'Thresholds', ...thresholdLines(report.thresholds));
  for (const warning of report.warnings) lines.push('', `WARNING: ${warning}`);
  return `${lines.join('\n')}\n`;
}

export function exitCodeOf(report: Report): number {
  if (report.result.interrupted) return EXIT_CODES.interrupted;
  if (report.thresholds.some((result) => !result.passed)) return EXIT_CODES.thresholds;
  return EXIT_CODES.ok;
}

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  // Worker mode has its own options (Locust's master sets host, users and run time), and
  // loads ZeroMQ's native addon: only when asked for.
  if (argv.some((arg) => arg === '--locust-master' || arg.startsWith('--locust-master='))) {
    const { workerMain } = await import('./locust/worker-cli.ts');
    return workerMain(argv, io);
  }
  const command = program().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  });
  let options: Parsed;
  try {
    options = command.parse(argv, { from: 'user' }).opts<Parsed>();
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return EXIT_CODES.ok;
    return EXIT_CODES.usage;
  }
  const scenarioPath = resolve(options.scenario);
  let scenarioName: string;
  try {
    scenarioName = (await loadScenario(scenarioPath)).name;
  } catch (error) {
    io.stderr.write(`cannot load the scenario ${scenarioPath}: ${(error as Error).message}\n`);
    return EXIT_CODES.error;
  }
  const meta: RunMeta = {
    host: options.host,
    scenario: scenarioName,
    users: options.users,
    spawnRate: options.spawnRate,
    runTimeMs: options.runTime,
    workers: options.workers,
    seed: options.seed,
    client: options.client,
    maxLoopDelayMs: options.maxLoopDelay,
    ...(options.rate ? { rate: options.rate } : {}),
  };
  io.stderr.write(
    `${scenarioName} → ${options.host} for ${formatDuration(options.runTime)} (${modelOf(meta)}` +
      `${options.workers ? `, ${options.workers} worker threads` : ''}` +
      `${options.kata ? ', your kata 10 statistics' : ''})\n`,
  );
  const live = liveOutput(io.stderr);
  let result: Awaited<ReturnType<typeof runLoad>>;
  try {
    result = await runLoad({
      host: options.host,
      scenario: scenarioPath,
      users: options.users,
      spawnRate: options.spawnRate,
      runTimeMs: options.runTime,
      rate: options.rate,
      workers: options.workers,
      seed: options.seed,
      timeoutMs: options.timeout,
      client: options.client,
      maxLoopDelayMs: options.maxLoopDelay,
      target: toolSelection(options.kata === true),
      signal: io.signal,
      onTick: (row, stats) =>
        live.update(liveLine(row, row.wall - stats.startedAt, options.runTime, !!io.stderr.isTTY)),
    });
  } catch (error) {
    live.done();
    io.stderr.write(`the run failed: ${(error as Error).stack ?? error}\n`);
    return EXIT_CODES.error;
  }
  live.done();
  const report = buildReport(meta, result, options.threshold);
  io.stdout.write(consoleReport(report));
  if (options.csv) {
    const files = writeCsvFiles(resolve(options.csv), report, {
      fullHistory: options.csvFullHistory === true,
    });
    files.push(writeGeneratorCsv(resolve(options.csv), report.result.stats.generator));
    io.stderr.write(`CSV: ${files.join(', ')}\n`);
  }
  if (options.html) {
    writeHtmlReport(resolve(options.html), report);
    io.stderr.write(`HTML report: ${resolve(options.html)}\n`);
  }
  return exitCodeOf(report);
}
