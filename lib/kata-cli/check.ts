// Runs the specs of some katas against katas/ in one vitest process and returns one result
// per kata (through results-reporter.ts, which also remembers them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Kata } from '../target/manifest.ts';
import { LEARNER_TARGET, repoRoot } from '../target/target.ts';
import { cachedResult, type KataResult } from './results.ts';
import { stateDir } from './root.ts';

export const vitestBin = join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
export const resultsReporter = join(repoRoot, 'lib', 'kata-cli', 'results-reporter.ts');

/** Environment for a learner's run: their code, not the reference, no substitutes. */
export function learnerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KATA_TARGET: LEARNER_TARGET, ...extra };
  delete env.KATA_SUBSTITUTE;
  delete env.KATA_VERIFY_PLAN;
  delete env.KATA_HANG_DIR;
  return env;
}

export function runKatas(
  root: string,
  katas: readonly Kata[],
  quiet = true,
): Map<string, KataResult> {
  const results = new Map<string, KataResult>();
  if (katas.length === 0) return results;
  mkdirSync(stateDir(root), { recursive: true });
  const file = join(stateDir(root), `check-${process.pid}.json`);
  rmSync(file, { force: true });
  if (!quiet) {
    process.stdout.write(
      `checking ${katas.map((kata) => kata.id).join(', ')} against your code in katas/ …\n`,
    );
  }
  const run = spawnSync(
    process.execPath,
    [
      vitestBin,
      'run',
      `--reporter=${resultsReporter}`,
      ...katas.map((kata) => `tests/${kata.id}/`),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', quiet ? 'pipe' : 'inherit'],
      encoding: 'utf8',
      env: learnerEnv({ KATA_RESULTS_FILE: file, KATA_PROGRESS: quiet ? '0' : '1' }),
    },
  );
  if (!existsSync(file)) {
    const why = (run.stderr ?? '').trim().split('\n').slice(-5).join('\n');
    throw new Error(
      `vitest exited with ${run.status ?? run.signal} and recorded no results\n${why}`,
    );
  }
  for (const result of JSON.parse(readFileSync(file, 'utf8')) as KataResult[]) {
    results.set(result.id, result);
  }
  rmSync(file, { force: true });
  for (const kata of katas) {
    if (!results.has(kata.id)) {
      results.set(kata.id, { id: kata.id, tests: [], errors: [`no spec of ${kata.id} ran`] });
    }
  }
  return results;
}

/** Each kata's result: remembered if its files are unchanged, else run now (all at once). */
export function resultsFor(
  root: string,
  katas: readonly Kata[],
  options: { recheck?: boolean; quiet?: boolean } = {},
): KataResult[] {
  const known = new Map<string, KataResult>();
  if (!options.recheck) {
    for (const kata of katas) {
      const cached = cachedResult(root, kata.id);
      if (cached) known.set(kata.id, cached);
    }
  }
  const stale = katas.filter((kata) => !known.has(kata.id));
  for (const [id, result] of runKatas(root, stale, options.quiet ?? true)) known.set(id, result);
  return katas.map((kata) => known.get(kata.id)!);
}
