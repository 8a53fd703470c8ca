// A throwaway PostgreSQL cluster that a spec may stop, freeze and kill: never the shared
// DATABASE_URL cluster that other specs use at the same time. The shell functions of
// .ci/postgres.sh do the work, so CI and the specs start clusters the same way.
//
// Every step runs asynchronously: initdb or a fast stop can take several seconds on a loaded
// machine, and a synchronous wait that long blocks the spec's event loop, which the hang
// watchdog then takes for a busy-wait and kills the spec file, cluster and all.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../lib/target/target.ts';

const script = join(repoRoot, '.ci', 'postgres.sh');
const postgresLib = process.env.POSTGRES_LIB ?? '/usr/lib/postgresql';

/** Why no cluster can start here, or undefined when PostgreSQL's server binaries exist. */
export function postgresUnavailable(): string | undefined {
  const found =
    existsSync(postgresLib) &&
    readdirSync(postgresLib).some((version) =>
      existsSync(join(postgresLib, version, 'bin', 'initdb')),
    );
  return found
    ? undefined
    : `no PostgreSQL server binaries under ${postgresLib} (.ci/run installs them)`;
}

function shell(fn: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', `source "${script}" && "$@"`, 'postgres-cluster', fn, ...args],
      { encoding: 'utf8', timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`.ci/postgres.sh ${fn} failed: ${error.message}\n${stderr}`));
        else resolve(stdout.trim());
      },
    );
  });
}

export interface PostgresCluster {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`; the port survives restarts. */
  readonly url: string;
  /** `pg_ctl stop -m fast`: clients see their connections end, new ones refused. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Every process of the cluster stopped with SIGSTOP: connections open, nothing answers. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  /** SIGKILL to every process of the cluster: a crash. `start()` runs crash recovery. */
  kill(): Promise<void>;
  remove(): Promise<void>;
}

/** initdb (about a second) and start; `settings` go into postgresql.conf. */
export async function startPostgresCluster(
  settings: Record<string, string> = {},
): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'katas-pg-fault-'));
  const run = async (fn: string, ...args: string[]) => {
    await shell(fn, dir, ...args);
  };
  try {
    await run(
      'postgres_cluster_init',
      ...Object.entries(settings).map(([name, value]) => `${name}=${value}`),
    );
    const url = await shell('postgres_cluster_start', dir);
    return {
      url,
      stop: () => run('postgres_cluster_stop'),
      start: () => run('postgres_cluster_start'),
      freeze: () => run('postgres_cluster_signal', 'STOP'),
      thaw: () => run('postgres_cluster_signal', 'CONT'),
      kill: () => run('postgres_cluster_signal', 'KILL'),
      remove: () => run('postgres_cluster_remove'),
    };
  } catch (error) {
    await run('postgres_cluster_remove');
    throw error;
  }
}
