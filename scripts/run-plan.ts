// Runs a plan of (specs, target) pairs as vitest projects in one process and returns what
// each project recorded. The verifier and the kata CLI both use it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib/target/target.ts';
import {
  type PlannedRun,
  type RecordedRun,
  VERIFY_MAX_WORKERS,
} from '../tests/support/verify-plan.ts';

export const workDir = join(repoRoot, '.verify');

export function runPlan(
  runs: PlannedRun[],
  options: { label: string; progress: boolean; maxWorkers?: number },
): Map<string, RecordedRun> {
  mkdirSync(workDir, { recursive: true });
  const planFile = join(workDir, `${options.label}-plan.json`);
  const resultsFile = join(workDir, `${options.label}-results.json`);
  writeFileSync(planFile, JSON.stringify({ runs }, null, 2));
  rmSync(resultsFile, { force: true });
  const reporters = ['./tests/support/verify-reporter.ts'];
  if (options.progress) reporters.push('./tests/support/verify-progress.ts');
  const vitest = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules/vitest/vitest.mjs'),
      'run',
      ...reporters.map((reporter) => `--reporter=${reporter}`),
    ],
    {
      cwd: repoRoot,
      stdio: options.progress ? 'inherit' : ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        KATA_VERIFY_PLAN: planFile,
        KATA_VERIFY_RESULTS: resultsFile,
        KATA_VERIFY_MAX_WORKERS: String(
          options.maxWorkers ?? process.env.KATA_VERIFY_MAX_WORKERS ?? VERIFY_MAX_WORKERS,
        ),
      },
    },
  );
  if (!existsSync(resultsFile)) {
    throw new Error(`vitest exited with ${vitest.status ?? vitest.signal} and recorded no results`);
  }
  const recorded = JSON.parse(readFileSync(resultsFile, 'utf8')) as RecordedRun[];
  return new Map(recorded.map((run) => [run.name, run]));
}
