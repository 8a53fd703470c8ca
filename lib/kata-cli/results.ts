// One kata's last result, and the cache that remembers it. A result is keyed by a hash of the
// kata's files (katas/<id>/ and tests/<id>/), so it stays valid until one of them changes:
// `hint` and `list` then answer from the cache instead of running every spec.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { kataPath } from '../target/target.ts';
import { stateDir } from './root.ts';

export type SpecStatus = 'pass' | 'fail' | 'skip';

export interface SpecResult {
  file: string;
  /** `describe › it` */
  name: string;
  status: SpecStatus;
  /** The failure, or for a skip its reason. */
  message?: string;
}

export interface KataResult {
  id: string;
  tests: SpecResult[];
  /** Failures outside any spec: a file that does not compile, a failing hook, a hang while loading. */
  errors: string[];
}

export type Verdict = 'green' | 'red' | 'error';

/** A spec skipped for a missing optional server is "not applicable" to the learner; in CI
 * every spec must run, so there a skip counts as a failure. */
export const inCi = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env.CI === 'true' || env.CI === '1';

export function verdictOf(result: KataResult, ci = inCi()): Verdict {
  if (result.errors.length > 0) return 'error';
  if (result.tests.length === 0) return 'error';
  const bad = result.tests.filter(
    (test) => test.status === 'fail' || (ci && test.status === 'skip'),
  );
  return bad.length > 0 ? 'red' : 'green';
}

export const failing = (result: KataResult): SpecResult[] =>
  result.tests.filter((test) => test.status === 'fail');

export const notApplicable = (result: KataResult): SpecResult[] =>
  result.tests.filter((test) => test.status === 'skip');

/** The first line that explains the result: the first failure's message, or the first error. */
export function firstProblem(result: KataResult): string | undefined {
  const text = result.errors[0] ?? failing(result)[0]?.message;
  return text?.split('\n').find((line) => line.trim() !== '');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** Hash of everything the kata's result depends on that the learner may change. */
export function fingerprint(root: string, id: string): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(kataPath(root, id)), ...filesUnder(join(root, 'tests', id))]) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

interface CacheEntry {
  fingerprint: string;
  result: KataResult;
}

type Cache = Record<string, CacheEntry>;

const cacheFile = (root: string) => join(stateDir(root), 'kata-results.json');

function readCache(root: string): Cache {
  try {
    return JSON.parse(readFileSync(cacheFile(root), 'utf8')) as Cache;
  } catch {
    return {};
  }
}

/** The remembered result of the kata, if its files have not changed since. */
export function cachedResult(root: string, id: string): KataResult | undefined {
  const entry = readCache(root)[id];
  return entry && entry.fingerprint === fingerprint(root, id) ? entry.result : undefined;
}

/** Remembers results, each under the fingerprint its files had when the run started. */
export function remember(
  root: string,
  results: ReadonlyArray<{ result: KataResult; fingerprint: string }>,
): void {
  const cache = readCache(root);
  for (const { result, fingerprint } of results) cache[result.id] = { fingerprint, result };
  mkdirSync(stateDir(root), { recursive: true });
  writeFileSync(cacheFile(root), JSON.stringify(cache, null, 2));
}
