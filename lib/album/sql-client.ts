// One small SQL interface over PGlite (embedded PostgreSQL, in memory or in a directory) and
// a real PostgreSQL server through `pg`: the album store sends the same SQL to both. Errors
// that mean "the database is not there" come out as StoreUnavailableError (503), never as a
// crash: a pool's idle connections that die emit `error` events, which are handled here.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { asUnavailable, StoreUnavailableError } from './store-unavailable.ts';

export interface SqlClient {
  readonly kind: 'pglite' | 'postgres';
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

const pgliteRoot = fileURLToPath(
  new URL('../../node_modules/@electric-sql/pglite/', import.meta.url),
);
const pgliteVersion = (): string => {
  const manifest = `${pgliteRoot}package.json`;
  return existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
    : 'unknown';
};

/**
 * A fresh cluster costs PGlite an initdb (seconds); loading a saved one takes about a
 * second. The first open saves the freshly initialised data directory next to node_modules.
 */
const snapshotFile = () =>
  fileURLToPath(
    new URL(
      `../../node_modules/.cache/concurrency-katas/pglite-${pgliteVersion()}.tar`,
      import.meta.url,
    ),
  );

/** A data directory that PGlite has initialised (it holds PG_VERSION). */
const initialised = (dataDir: string) => existsSync(join(dataDir, 'PG_VERSION'));

async function loadOrInitPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir && initialised(dataDir)) return PGlite.create({ dataDir });
  const file = snapshotFile();
  if (existsSync(file)) {
    try {
      const loadDataDir = new Blob([await readFile(file)]);
      return await PGlite.create(dataDir ? { dataDir, loadDataDir } : { loadDataDir });
    } catch {
      // A damaged snapshot: fall through and write a new one.
    }
  }
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const snapshot = await db.dumpDataDir('none');
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed: concurrent first runs never read half a file.
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  await writeFile(partial, Buffer.from(await snapshot.arrayBuffer()));
  await rename(partial, file);
  return db;
}

export interface PgliteOptions {
  /**
   * Keep the cluster in this directory (created if missing): the albums survive a restart.
   * In memory (gone when the process ends) without it.
   */
  dataDir?: string;
}

/**
 * PostgreSQL in this process. One connection: statements run one at a time. With a
 * `dataDir`, a committed statement is in the directory's files once it returns, and
 * `close()` (awaited by a shutdown) checkpoints.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<SqlClient> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = await loadOrInitPglite(options.dataDir);
  return {
    kind: 'pglite',
    query: async <Row>(text: string, params: unknown[] = []) => {
      if (db.closed) throw new StoreUnavailableError('the database is closed (shutting down)');
      return (await db.query<Row>(text, params)).rows;
    },
    close: async () => {
      if (!db.closed) await db.close();
    },
  };
}

export interface PostgresOptions {
  /** Connections in the pool. */
  max?: number;
  /** Give up on opening a connection after this long (a frozen or unreachable server). */
  connectTimeoutMs?: number;
  /**
   * The server cancels a statement running longer than this (statement_timeout), and the
   * client gives up on an answer a little later (a frozen server cancels nothing).
   */
  statementTimeoutMs?: number;
  /** Where errors of idle connections go (the server went away between queries). */
  onIdleError?: (error: Error) => void;
}

/** A pool of connections to a PostgreSQL server: statements of different clients overlap. */
export function openPostgres(connectionString: string, options: PostgresOptions = {}): SqlClient {
  const {
    max = 10,
    connectTimeoutMs = 2_000,
    statementTimeoutMs = 5_000,
    onIdleError = (error) => console.error(`album store: idle connection lost: ${error.message}`),
  } = options;
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + 1_000,
  });
  // Without a listener, an idle connection killed by the server is an uncaught 'error' event
  // and ends the process. The pool drops that connection and opens a new one when needed.
  pool.on('error', onIdleError);
  return {
    kind: 'postgres',
    query: async <Row>(text: string, params: unknown[] = []) => {
      try {
        return (await pool.query(text, params)).rows as Row[];
      } catch (error) {
        throw asUnavailable(error);
      }
    },
    close: () => pool.end(),
  };
}
