// One small SQL interface over PGlite (embedded PostgreSQL, in memory) and a real
// PostgreSQL server through `pg`: the album store sends the same SQL to both.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

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

async function loadOrInitPglite(): Promise<PGlite> {
  const file = snapshotFile();
  if (existsSync(file)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([await readFile(file)]) });
    } catch {
      // A damaged snapshot: fall through and write a new one.
    }
  }
  const db = await PGlite.create();
  const snapshot = await db.dumpDataDir('none');
  await mkdir(dirname(file), { recursive: true });
  // Written aside and renamed: concurrent first runs never read half a file.
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  await writeFile(partial, Buffer.from(await snapshot.arrayBuffer()));
  await rename(partial, file);
  return db;
}

/** An in-memory PostgreSQL in this process. One connection: statements run one at a time. */
export async function openPglite(): Promise<SqlClient> {
  const db = await loadOrInitPglite();
  return {
    kind: 'pglite',
    query: async <Row>(text: string, params: unknown[] = []) =>
      (await db.query<Row>(text, params)).rows,
    close: () => db.close(),
  };
}

/** A pool of connections to a PostgreSQL server: statements of different clients overlap. */
export function openPostgres(connectionString: string, max = 10): SqlClient {
  const pool = new pg.Pool({ connectionString, max });
  return {
    kind: 'postgres',
    query: async <Row>(text: string, params: unknown[] = []) =>
      (await pool.query(text, params)).rows as Row[],
    close: () => pool.end(),
  };
}
