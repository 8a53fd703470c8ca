import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import {
  resolveTargetModule,
  selectionFromEnv,
  selectionToEnv,
  TARGET_PREFIX,
  type TargetSelection,
} from './lib/target/target.ts';
import type { VerifyPlan } from './tests/support/verify-plan.ts';

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

const specs = ['tests/**/*.test.ts'];
const shared = {
  exclude: ['**/node_modules/**', 'tests/**/wrong/**'],
  testTimeout: 20_000,
  hookTimeout: 20_000,
  // Memory benches measure retained heap: they need a full GC before each reading.
  execArgv: ['--expose-gc'],
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
      env: selectionToEnv(run.selection),
    },
  }));
}

const planFile = process.env.KATA_VERIFY_PLAN;

export default defineConfig({
  plugins: planFile ? [] : [targetSwitch(selectionFromEnv())],
  test: {
    ...shared,
    include: specs,
    // The verifier's many short runs would leave a core idle with vitest's default of cores - 1.
    ...(planFile
      ? {
          projects: verifyProjects(planFile),
          maxWorkers: Number(process.env.KATA_VERIFY_MAX_WORKERS ?? 2),
        }
      : {}),
    benchmark: { include: ['tests/**/*.bench.ts'], exclude: ['tests/**/wrong/**'] },
    coverage: { include: ['solutions/**', 'lib/**'] },
  },
});
