// A throwaway PostgreSQL cluster that a spec may stop, freeze and kill: never the shared
// DATABASE_URL cluster that other specs use at the same time. The shell functions of
// .ci/postgres.sh do the work, so CI and the specs start clusters the same way.
import { execFileSync } from 'node:child_process';
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

function shell(fn: string, ...args: string[]): string {
  return execFileSync(
    'bash',
    ['-c', `source "${script}" && "$@"`, 'postgres-cluster', fn, ...args],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    },
  ).trim();
}

export interface PostgresCluster {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`; the port survives restarts. */
  readonly url: string;
  /** `pg_ctl stop -m fast`: clients see their connections end, new ones refused. */
  stop(): void;
  start(): void;
  /** Every process of the cluster stopped with SIGSTOP: connections open, nothing answers. */
  freeze(): void;
  thaw(): void;
  /** SIGKILL to every process of the cluster: a crash. `start()` runs crash recovery. */
  kill(): void;
  remove(): void;
}

/** initdb (about a second) and start; `settings` go into postgresql.conf. */
export function startPostgresCluster(settings: Record<string, string> = {}): PostgresCluster {
  const dir = mkdtempSync(join(tmpdir(), 'katas-pg-fault-'));
  try {
    shell(
      'postgres_cluster_init',
      dir,
      ...Object.entries(settings).map(([name, value]) => `${name}=${value}`),
    );
    const url = shell('postgres_cluster_start', dir);
    return {
      url,
      stop: () => void shell('postgres_cluster_stop', dir),
      start: () => void shell('postgres_cluster_start', dir),
      freeze: () => void shell('postgres_cluster_signal', dir, 'STOP'),
      thaw: () => void shell('postgres_cluster_signal', dir, 'CONT'),
      kill: () => void shell('postgres_cluster_signal', dir, 'KILL'),
      remove: () => void shell('postgres_cluster_remove', dir),
    };
  } catch (error) {
    shell('postgres_cluster_remove', dir);
    throw error;
  }
}
