// Serves the album service on 127.0.0.1 until SIGINT/SIGTERM, then drains (lib/album/drain.ts:
// every request already sent is answered, later ones get 503) and closes the store.
//
//   npm run serve -- [--port 8080] [--kata] [--db memory|pglite|postgres] [--database-url URL]
//                    [--data-dir DIR] [--max-connections N] [--headers-timeout-ms MS]
//                    [--store naive] [--race]
//
// `npm run serve` execs node directly (no shell or tsx process in between), so a signal to
// npm or to node reaches the one process that drains; npm forwards SIGINT and SIGTERM.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { AlbumAppOptions, AlbumStore, MemoryStoreOptions } from '../lib/album/album-store.ts';
import { ensureAlbumTable, type SqlStoreOptions } from '../lib/album/album-table.ts';
import {
  applyConnectionLimits,
  type ConnectionLimits,
  DEFAULT_LIMITS,
  serverOptions,
} from '../lib/album/connection-limits.ts';
import { type Drainer, drainOnShutdown } from '../lib/album/drain.ts';
import { answerParserErrors } from '../lib/album/parser-errors.ts';
import { openPglite, openPostgres, type SqlClient } from '../lib/album/sql-client.ts';
import { underRaceDetector } from '../lib/race/album-service.ts';
import { importTarget } from '../lib/target/import-target.ts';
import { toolSelection } from '../lib/target/target.ts';
import { RaceDetector } from '../solutions/08-race-detector/detector.ts';
import { NaiveAlbumStore } from '../tests/08-race-detector/naive-album-store.ts';

type Db = 'memory' | 'pglite' | 'postgres';

interface ServeOptions {
  port: number;
  kata?: boolean;
  db?: Db;
  databaseUrl?: string;
  dataDir?: string;
  persistDelayMs: number;
  maxConnections: number;
  headersTimeoutMs: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  store?: 'naive';
  race?: boolean;
}

interface AlbumModules {
  createAlbumApp: (options: AlbumAppOptions) => import('express').Express;
  MemoryAlbumStore: new (options?: MemoryStoreOptions) => AlbumStore;
  SqlAlbumStore: new (client: SqlClient, options?: SqlStoreOptions) => AlbumStore;
}

/** In-flight requests get this long to finish (a slow store under load may need seconds). */
const DRAIN_MS = 30_000;

function integer(min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}`);
    }
    return n;
  };
}

/** Kata 09 through the switch: the reference, yours with `--kata`, KATA_SUBSTITUTE honoured. */
async function loadModules(kata: boolean): Promise<AlbumModules> {
  const selection = toolSelection(kata);
  const modules = ['app', 'memory-store', 'sql-store'].map((name) =>
    importTarget<Partial<AlbumModules>>(`09-album-service/${name}`, selection),
  );
  return Object.assign({}, ...(await Promise.all(modules))) as AlbumModules;
}

async function openStore(
  modules: AlbumModules,
  options: ServeOptions,
): Promise<{ store: AlbumStore; label: string }> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  const db: Db = options.db ?? (options.databaseUrl ? 'postgres' : 'memory');
  if (options.store === 'naive') {
    const store = new NaiveAlbumStore({ persistDelayMs: options.persistDelayMs });
    return { store, label: "the course's naive store" };
  }
  if (db === 'memory') {
    const store = new modules.MemoryAlbumStore({ persistDelayMs: options.persistDelayMs });
    return { store, label: 'memory store' };
  }
  if (db === 'postgres' && !url)
    throw new Error('--db postgres needs --database-url or DATABASE_URL');
  if (options.dataDir && db !== 'pglite') throw new Error('--data-dir goes with --db pglite');
  const client =
    db === 'pglite'
      ? await openPglite({ dataDir: options.dataDir })
      : openPostgres(url!, {
          connectTimeoutMs: options.connectTimeoutMs,
          statementTimeoutMs: options.statementTimeoutMs,
        });
  await ensureAlbumTable(client);
  const store = new modules.SqlAlbumStore(client, { closeClient: true });
  const label =
    db === 'postgres'
      ? 'PostgreSQL store'
      : `PGlite store (${options.dataDir ? `in ${options.dataDir}` : 'in memory'})`;
  return { store, label };
}

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server.address() as AddressInfo));
  });
}

/**
 * On SIGINT or SIGTERM: drain (bounded by DRAIN_MS), then close the store, then exit. A
 * repeated signal (Ctrl-C reaches npm and node, and npm forwards it again) does not cut the
 * drain short.
 */
function shutdownOn(drainer: Drainer, store: AlbumStore): void {
  const stop = async (signal: string) => {
    if (drainer.draining) {
      console.log(`${signal}: already draining`);
      return;
    }
    console.log(`${signal}: draining in-flight requests…`);
    await drainer.drain();
    await store.close();
    console.log('album service stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function albumServer(app: RequestListener, limits: ConnectionLimits) {
  const server = createServer(serverOptions(limits));
  applyConnectionLimits(server, limits);
  answerParserErrors(server);
  const drainer = drainOnShutdown(server, app, {
    deadlineMs: DRAIN_MS,
    idleMs: limits.keepAliveTimeoutMs,
  });
  server.on('request', drainer.handler);
  return { server, drainer };
}

async function main(): Promise<void> {
  const program = new Command('serve')
    .description('Serve the album service on 127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', integer(0, 65_535), 8080)
    .option('--kata', 'serve your code in katas/ instead of the reference')
    .addOption(
      new Option('--db <store>', 'where the albums live (default: memory)').choices([
        'memory',
        'pglite',
        'postgres',
      ]),
    )
    .option('--database-url <url>', 'a PostgreSQL server (implies --db postgres)')
    .option('--data-dir <dir>', 'with --db pglite: keep the albums in this directory')
    .option(
      '--max-connections <n>',
      'connections beyond this are closed at once',
      integer(1, 1_000_000),
      DEFAULT_LIMITS.maxConnections,
    )
    .option(
      '--headers-timeout-ms <ms>',
      "a connection's request headers must arrive within this (else 408, closed)",
      integer(100, 600_000),
      DEFAULT_LIMITS.headersTimeoutMs,
    )
    .option(
      '--connect-timeout-ms <ms>',
      'PostgreSQL: give up opening a connection after this (then 503)',
      integer(1, 600_000),
      2_000,
    )
    .option(
      '--statement-timeout-ms <ms>',
      'PostgreSQL: give up on a statement after this (then 503)',
      integer(1, 600_000),
      5_000,
    )
    .option(
      '--persist-delay-ms <ms>',
      'simulated write time of the memory store (0: one event-loop turn)',
      integer(0, 60_000),
      0,
    )
    .addOption(
      new Option('--store <kind>', "naive: the course's racy slice (kept beside kata 08's specs)")
        .choices(['naive'])
        .conflicts(['db', 'databaseUrl']),
    )
    .option('--race', 'run under the race detector (kata 08): reports on stderr, exit 66 on a race')
    .parse();
  const options = program.opts<ServeOptions>();
  const modules = await loadModules(options.kata === true);
  const { store, label } = await openStore(modules, options);
  const race = options.race ? underRaceDetector(new RaceDetector()) : undefined;
  const app = modules.createAlbumApp({ store: race ? race.track(store) : store });
  const { server, drainer } = albumServer(race ? race.serve(app) : app, {
    ...DEFAULT_LIMITS,
    maxConnections: options.maxConnections,
    headersTimeoutMs: options.headersTimeoutMs,
  });
  const address = await listen(server, options.port);
  shutdownOn(drainer, store);
  const which = options.kata ? 'your kata' : 'the reference';
  console.log(
    `album service (${which}, ${label}) listening on http://127.0.0.1:${address.port} — Ctrl-C to stop`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
