// Serves the album service on 127.0.0.1 until SIGINT/SIGTERM, then drains in-flight
// requests and closes the store.
//
//   npm run serve -- [--port 8080] [--kata] [--db memory|pglite|postgres] [--database-url URL]
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { AlbumAppOptions, AlbumStore, MemoryStoreOptions } from '../lib/album/album-store.ts';
import { ensureAlbumTable, type SqlStoreOptions } from '../lib/album/album-table.ts';
import { openPglite, openPostgres, type SqlClient } from '../lib/album/sql-client.ts';
import { importTarget } from '../lib/target/import-target.ts';
import { toolSelection } from '../lib/target/target.ts';

type Db = 'memory' | 'pglite' | 'postgres';

interface ServeOptions {
  port: number;
  kata?: boolean;
  db?: Db;
  databaseUrl?: string;
  persistDelayMs: number;
}

interface AlbumModules {
  createAlbumApp: (options: AlbumAppOptions) => import('express').Express;
  MemoryAlbumStore: new (options?: MemoryStoreOptions) => AlbumStore;
  SqlAlbumStore: new (client: SqlClient, options?: SqlStoreOptions) => AlbumStore;
}

const DRAIN_MS = 10_000;

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
  if (db === 'memory') {
    const store = new modules.MemoryAlbumStore({ persistDelayMs: options.persistDelayMs });
    return { store, label: 'memory store' };
  }
  if (db === 'postgres' && !url)
    throw new Error('--db postgres needs --database-url or DATABASE_URL');
  const client = db === 'pglite' ? await openPglite() : openPostgres(url!);
  await ensureAlbumTable(client);
  const store = new modules.SqlAlbumStore(client, { closeClient: true });
  return { store, label: db === 'pglite' ? 'PGlite store (in memory)' : 'PostgreSQL store' };
}

function listen(server: Server, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server.address() as AddressInfo));
  });
}

/** Stops accepting, lets in-flight requests finish (bounded), then closes the store. */
function shutdownOn(server: Server, store: AlbumStore): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: draining in-flight requests…`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const forced = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    await closed;
    clearTimeout(forced);
    await store.close();
    console.log('album service stopped');
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
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
    .option(
      '--persist-delay-ms <ms>',
      'simulated write time of the memory store (0: one event-loop turn)',
      integer(0, 60_000),
      0,
    )
    .parse();
  const options = program.opts<ServeOptions>();
  const modules = await loadModules(options.kata === true);
  const { store, label } = await openStore(modules, options);
  const http = createServer(modules.createAlbumApp({ store }));
  const address = await listen(http, options.port);
  shutdownOn(http, store);
  const which = options.kata ? 'your kata' : 'the reference';
  console.log(
    `album service (${which}, ${label}) listening on http://127.0.0.1:${address.port} — Ctrl-C to stop`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
