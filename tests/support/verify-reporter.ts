// Records every project's tests for the verifier (scripts/verify.ts) to judge.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { repoRoot } from '../../lib/target/target.ts';
import type { RecordedRun, TestState } from './verify-plan.ts';

interface ReportedError {
  name?: string;
  message?: string;
  cause?: unknown;
}

/** The message and its causes: fast-check puts the failed assertion in `cause`. */
const messageOf = (error: ReportedError): string => {
  const own = `${error.name ?? 'Error'}: ${error.message ?? ''}`;
  const cause = error.cause as ReportedError | undefined;
  return cause && typeof cause === 'object' ? `${own}\nCaused by: ${messageOf(cause)}` : own;
};

export default class VerifyReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const target = process.env.KATA_VERIFY_RESULTS;
    if (!target) throw new Error('KATA_VERIFY_RESULTS is not set');
    const runs = new Map<string, RecordedRun>();
    for (const module of testModules) {
      const name = module.project.name;
      const run = runs.get(name) ?? { name, tests: [], moduleErrors: [], durationMs: 0 };
      runs.set(name, run);
      const file = relative(repoRoot, module.moduleId);
      run.durationMs += module.diagnostic().duration;
      run.moduleErrors.push(...module.errors().map((error) => `${file}: ${messageOf(error)}`));
      for (const test of module.children.allTests()) {
        const result = test.result();
        run.tests.push({
          file,
          name: test.fullName,
          state: result.state as TestState,
          errors: (result.errors ?? []).map(messageOf),
          ...(result.state === 'skipped' && result.note ? { note: result.note } : {}),
        });
      }
    }
    writeFileSync(target, JSON.stringify([...runs.values()], null, 2));
  }
}
