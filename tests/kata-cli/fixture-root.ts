// The kata CLI as a learner runs it, on a copy of the fixture katas (fixtures/root/README.md).
// The copy sits beside the original, so the fixtures' relative imports still resolve.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../lib/target/target.ts';
import { runProcess } from '../support/child-process.ts';

export const fixtures = join(repoRoot, 'tests', 'kata-cli', 'fixtures');
/** What `npm run kata` runs: the CLI compiled to plain JavaScript (scripts/kata.mjs). */
export const kataScript = join(repoRoot, 'scripts', 'kata.mjs');

/** A fresh copy of the fixture repository; remove it with `rmSync(root, { recursive: true })`. */
export function copyFixtureRoot(): string {
  const root = mkdtempSync(join(fixtures, '.copy-'));
  cpSync(join(fixtures, 'root'), root, {
    recursive: true,
    filter: (source) => !source.includes('.verify'),
  });
  return root;
}

export const removeFixtureRoot = (root: string) => rmSync(root, { recursive: true, force: true });

/** A learner's shell: none of the variables of the vitest run that spawns it. */
export function learnerShellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of [
    'CI',
    'KATA_TARGET',
    'KATA_SUBSTITUTE',
    'KATA_VERIFY_PLAN',
    'KATA_HANG_DIR',
    'KATA_RUN_NAME',
    'KATA_VERIFY_RESULTS',
    'FIXTURE_SERVER',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
    'NODE_OPTIONS',
  ]) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

/** The environment of a learner's shell, pointed at the fixture, hangs caught in 1.5 s. */
export const fixtureEnv = (root: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv =>
  learnerShellEnv({ KATA_ROOT: root, KATA_HANG_MS: '1500', ...extra });

/** The kata CLI's commands run long on a crowded machine; a hung one is still stopped. */
export const KATA_KILL_AFTER_MS = 170_000;

/** `npm run kata -- args…` on the fixture, with no terminal on stdin. */
export const kata = (root: string, args: string[], extra: Record<string, string> = {}) =>
  runProcess(process.execPath, [kataScript, ...args], {
    cwd: root,
    env: fixtureEnv(root, extra),
    killAfterMs: KATA_KILL_AFTER_MS,
  });
