// `npm run load -- --locust-master tcp://HOST:5557`: this process becomes a Locust worker. The
// master (Locust's own, with its web UI or --headless) chooses the host, the users and the run
// time; this worker runs the user classes it is handed with the scenario of the same name.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CliIo } from '../cli.ts';
import { EXIT_CODES, EXIT_CODES_HELP } from '../exit-codes.ts';
import type { ClientKind } from '../transport.ts';
import { parseDuration } from '../units.ts';
import { parseMasterUrl } from './master-connection.ts';
import { ScenarioRegistry } from './scenario-registry.ts';
import { LocustWorker } from './worker.ts';

interface WorkerArgs {
  locustMaster: string;
  scenario: string[];
  seed: number;
  timeout: number;
  client: ClientKind;
}

function checked<T>(parse: (text: string) => T) {
  return (text: string): T => {
    try {
      return parse(text);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

function program(): Command {
  return new Command('load --locust-master')
    .description(
      "Run this repository's scenarios as a Locust worker: Locust's master (its web UI or " +
        '--headless) sets the host, users, spawn rate and run time; each user class it hands ' +
        'out runs the scenario of the same name (lib/load/locust/locustfile.py declares them).',
    )
    .requiredOption(
      '--locust-master <url>',
      "the master's worker port, e.g. tcp://127.0.0.1:5557",
      checked((url) => {
        parseMasterUrl(url);
        return url;
      }),
    )
    .addOption(
      new Option('-f, --scenario <file>', 'another scenario module to offer, repeatable')
        .argParser((file: string, previous: string[]) => [...previous, file])
        .default([] as string[], 'every module in lib/load/scenarios/'),
    )
    .option(
      '--seed <n>',
      'seeds every user’s random choices',
      checked((text) => {
        const value = Number(text);
        if (!Number.isInteger(value) || value < 0) throw new Error('expected an integer ≥ 0');
        return value;
      }),
      1,
    )
    .addOption(
      new Option('--timeout <duration>', 'per request')
        .argParser(checked(parseDuration))
        .default(30_000, '30s'),
    )
    .addOption(
      new Option('--client <kind>', 'HTTP client: undici (fast) or fetch (slower)')
        .choices(['undici', 'fetch'])
        .default('undici'),
    )
    .addHelpText('after', `\n${EXIT_CODES_HELP}\n`)
    .exitOverride();
}

export async function workerMain(argv: string[], io: CliIo): Promise<number> {
  const command = program().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
  });
  let args: WorkerArgs;
  try {
    args = command.parse(argv, { from: 'user' }).opts<WorkerArgs>();
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return EXIT_CODES.ok;
    return EXIT_CODES.usage;
  }
  let registry: ScenarioRegistry;
  try {
    registry = await ScenarioRegistry.load(args.scenario);
  } catch (error) {
    io.stderr.write(`cannot load the scenarios: ${(error as Error).message}\n`);
    return EXIT_CODES.error;
  }
  const worker = new LocustWorker({
    masterUrl: args.locustMaster,
    registry,
    seed: args.seed,
    timeoutMs: args.timeout,
    client: args.client,
    log: (line) => io.stderr.write(`${line}\n`),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  return worker.run();
}
