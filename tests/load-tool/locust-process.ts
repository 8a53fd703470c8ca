// Real Locust (Debian's python3-locust, which .ci/locust.sh installs) for specs that put our
// workers under its master. Where it is missing a spec skips with the reason, except in CI.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../../lib/target/target.ts';
import { runProcess } from '../support/child-process.ts';
import type { CliRun } from './cli-process.ts';

const inCi = process.env.CI === 'true' || process.env.CI === '1';
const locustScript = process.env.LOCUST_PATH ?? '/usr/bin/locust';
export const locustfile = join(repoRoot, 'lib', 'load', 'locust', 'locustfile.py');
const runLocustScript = join(repoRoot, 'lib', 'load', 'locust', 'run_locust.py');

/** Why Locust cannot run here, or undefined when it can. */
export function locustMissing(): string | undefined {
  if (existsSync(locustScript)) return undefined;
  const reason = `no Locust at ${locustScript} (apt-get install python3-locust, or set LOCUST_PATH)`;
  if (inCi) throw new Error(`${reason}: CI must install it (.ci/locust.sh)`);
  return reason;
}

/** Locust's own interpreter (its script's #! line) and the version dpkg installed. */
function locustRuntime(): { python: string; version: string } {
  const python = /^#!\s*(\S+)/.exec(readFileSync(locustScript, 'utf8'))?.[1] ?? 'python3';
  let version = process.env.LOCUST_VERSION ?? '';
  if (!version) {
    try {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's format, not a template
      const dpkg = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'python3-locust'], {
        encoding: 'utf8',
      });
      version = dpkg.replace(/-[^-]*$/, '');
    } catch {
      // Not Debian's package: its _version.py is right, run_locust.py changes nothing.
    }
  }
  return { python, version };
}

/** A free port on 127.0.0.1 for the master to bind (released just before it does). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `locust …` through run_locust.py (see there), killed after `killAfterMs`. */
export function runLocust(
  args: string[],
  killAfterMs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const { python, version } = locustRuntime();
  return runProcess(python, [runLocustScript, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...(version ? { LOCUST_VERSION: version } : {}), ...env },
    killAfterMs,
  });
}

export interface MasterOptions {
  port: number;
  host: string;
  workers: number;
  users: number;
  runTime: string;
  csvPrefix: string;
  /** The locustfile's classes to run. */
  classes: string[];
}

export function runLocustMaster(options: MasterOptions, killAfterMs: number): Promise<CliRun> {
  const { port, host, workers, users, runTime, csvPrefix, classes } = options;
  return runLocust(
    [
      ...['-f', locustfile, '--headless', '--master', '--master-bind-host', '127.0.0.1'],
      ...['--master-bind-port', String(port), '--expect-workers', String(workers)],
      ...['--expect-workers-max-wait', '30', '-u', String(users), '-r', String(users)],
      ...['-t', runTime, '--host', host, '--csv', csvPrefix, '--only-summary', ...classes],
    ],
    killAfterMs,
  );
}

/** A Locust (Python) worker; LOCUST_FAST_HTTP=1 in `env` makes its users FastHttpUsers. */
export function runLocustWorker(
  port: number,
  killAfterMs: number,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return runLocust(
    ['-f', locustfile, '--worker', '--master-host', '127.0.0.1', '--master-port', String(port)],
    killAfterMs,
    env,
  );
}

/** The rows of a Locust _stats.csv, by "Type Name" ("Aggregated" for the total). */
export function readStatsCsv(file: string): Map<string, Record<string, string>> {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const rows = new Map<string, Record<string, string>>();
  for (const line of lines) {
    const cells = line.split(',');
    const row = Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
    rows.set(`${row.Type} ${row.Name}`.trim(), row);
  }
  return rows;
}
