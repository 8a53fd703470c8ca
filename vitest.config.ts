import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import {
  defineConfig,
  type TestProjectInlineConfiguration,
  type ViteUserConfig,
} from 'vitest/config';
import {
  repoRoot,
  resolveTargetModule,
  selectionFromEnv,
  selectionToEnv,
  TARGET_PREFIX,
  type TargetSelection,
} from './lib/target/target.ts';
import { hangDir } from './lib/watchdog/hang-record.ts';
import { VERIFY_MAX_WORKERS, type VerifyPlan } from './tests/support/verify-plan.ts';

// Every spec file gets a watchdog for a blocked event loop (lib/watchdog/). Its records go to
// one folder per vitest process, which the reporters read.
process.env.KATA_HANG_DIR ??= hangDir(repoRoot);

/** Resolves `@target/<kata>/<module>` to katas/, solutions/ or a substituted wrong answer. */
function targetSwitch(selection: TargetSelection): Plugin {
  return {
    name: 'kata-target-switch',
    enforce: 'pre',
    resolveId(source) {
      return source.startsWith(TARGET_PREFIX) ? resolveTargetModule(source, selection) : null;
    },
  };
}

// Plain `npx vitest` runs the katas' specs only; the repository's own specs (tests/repository,
// tests/load-tool, …) run in `npm test`, through the verifier's plan.
// `KATA_SPECS=all npx vitest run tests/kata-cli` runs a repository spec by hand.
const kataSpecs =
  process.env.KATA_SPECS === 'all' ? ['tests/**/*.test.ts'] : ['tests/[0-9][0-9]-*/**/*.test.ts'];

/** Every spec file of a kata: a worker-only module (add-many.ts) reruns them too. */
const specsOfKata = (id: string): string[] => {
  const dir = join(repoRoot, 'tests', id);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => file.endsWith('.test.ts'))
        .map((file) => join(dir, file))
    : [];
};

const shared = {
  exclude: ['**/node_modules/**', 'tests/**/wrong/**', 'tests/kata-cli/fixtures/**'],
  testTimeout: 20_000,
  hookTimeout: 20_000,
  // Memory benches measure retained heap: they need a full GC before each reading.
  execArgv: ['--expose-gc'],
  setupFiles: ['./lib/watchdog/setup.ts', './lib/interleavings/fast-check-setup.ts'],
};

// `npm test` hands the verifier's plan over in KATA_VERIFY_PLAN: one project per
// (kata, target) run, all in one vitest process.
function verifyProjects(planFile: string): TestProjectInlineConfiguration[] {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as VerifyPlan;
  return plan.runs.map((run) => ({
    plugins: [targetSwitch(run.selection)],
    test: {
      ...shared,
      name: run.name,
      include: run.include,
      env: { ...selectionToEnv(run.selection), KATA_RUN_NAME: run.name },
    },
  }));
}

const planFile = process.env.KATA_VERIFY_PLAN;

/**
 * Plain `npx vitest` (every kata) prints one line per spec file, two per failure and a
 * per-kata summary; naming katas or files (`npx vitest 03`) gives vitest's full report too.
 */
function learnerReporters(): NonNullable<NonNullable<ViteUserConfig['test']>['reporters']> {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const filters = args.filter((arg) => !['run', 'watch', 'dev', 'related', 'bench'].includes(arg));
  const summary = './lib/kata-cli/summary-reporter.ts';
  return filters.length > 0 ? ['default', summary] : [[summary, { compact: true }]];
}

export default defineConfig({
  plugins: planFile ? [] : [targetSwitch(selectionFromEnv())],
  test: {
    ...shared,
    include: kataSpecs,
    // Saving any file under katas/NN-name/ reruns that kata's specs, even a file that only
    // worker threads load (vitest's module graph never sees those).
    watchTriggerPatterns: [
      {
        pattern: /\/katas\/(\d\d-[^/]+)\/[^/]+$/,
        testsToRun: (_file, match) => specsOfKata(match[1]!),
      },
    ],
    ...(planFile ? {} : { reporters: learnerReporters() }),
    ...(planFile
      ? {
          projects: verifyProjects(planFile),
          maxWorkers: Number(process.env.KATA_VERIFY_MAX_WORKERS ?? VERIFY_MAX_WORKERS),
        }
      : {}),
    benchmark: { include: ['tests/**/*.bench.ts'], exclude: ['tests/**/wrong/**'] },
    coverage: { include: ['solutions/**', 'lib/**'] },
  },
});
