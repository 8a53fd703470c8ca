// The SQL backends the album specs run on: PGlite always, PostgreSQL when DATABASE_URL points
// at one (CI starts a server, see .ci/postgres.sh). One client per backend per spec file.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openPglite, openPostgres, type SqlClient } from '../../lib/album/sql-client.ts';

const databaseUrl = process.env.DATABASE_URL;

export interface Backend {
  name: string;
  connect: () => Promise<SqlClient>;
  /** Why this backend cannot run here, if it cannot. */
  unavailable?: string;
}

export const sqlBackends: Backend[] = [
  { name: 'PGlite (embedded PostgreSQL)', connect: () => openPglite() },
  {
    name: 'PostgreSQL (DATABASE_URL)',
    connect: async () => openPostgres(databaseUrl ?? ''),
    ...(databaseUrl
      ? {}
      : { unavailable: 'DATABASE_URL is not set: no PostgreSQL server to run against' }),
  },
];

/** Parallel test runs may share one database: every table gets its own name. */
export const uniqueTable = () => `albums_${randomBytes(6).toString('hex')}`;

/**
 * Call inside a describe: connects before its specs, closes after, skips them (with the
 * reason) when the backend is unavailable. The getter throws outside a running spec.
 */
export function connectFor(backend: Backend): () => SqlClient {
  let client: SqlClient | undefined;
  if (backend.unavailable) console.log(`skipping ${backend.name}: ${backend.unavailable}`);
  beforeAll(async () => {
    if (!backend.unavailable) client = await backend.connect();
  });
  afterAll(async () => {
    await client?.close();
  });
  beforeEach((context) => {
    if (backend.unavailable) context.skip(backend.unavailable);
  });
  return () => {
    if (!client) throw new Error(`${backend.name} is not connected`);
    return client;
  };
}
