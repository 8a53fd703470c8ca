// Records every project's tests for the verifier (scripts/verify.ts) to judge. A spec file
// that the watchdog stopped (lib/watchdog/) is recorded as a failure of the spec it named: a
// hanging wrong answer is rejected, not a gap.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { hangAsSpec, messageOf, specName } from '../../lib/kata-cli/collect.ts';
import { repoRoot } from '../../lib/target/target.ts';
import { clearHangs, hangDir, readHangs } from '../../lib/watchdog/hang-record.ts';
import type { RecordedRun, TestState } from './verify-plan.ts';

export default class VerifyReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const target = process.env.KATA_VERIFY_RESULTS;
    if (!target) throw new Error('KATA_VERIFY_RESULTS is not set');
    const hangs = readHangs(hangDir(repoRoot));
    clearHangs(hangDir(repoRoot));
    const runs = new Map<string, RecordedRun>();
    for (const module of testModules) {
      const name = module.project.name;
      const run = runs.get(name) ?? { name, tests: [], moduleErrors: [], durationMs: 0 };
      runs.set(name, run);
      const file = relative(repoRoot, module.moduleId);
      const hung = hangs.filter((hang) => hang.runName === name && hang.file === file);
      run.durationMs += module.diagnostic().duration;
      if (hung.length === 0) {
        run.moduleErrors.push(...module.errors().map((error) => `${file}: ${messageOf(error)}`));
        // A failing beforeAll/afterAll leaves its specs skipped and its error on the suite.
        for (const suite of module.children.allSuites()) {
          run.moduleErrors.push(
            ...suite.errors().map((error) => `${file} › ${suite.fullName}: ${messageOf(error)}`),
          );
        }
      }
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (hung.some((hang) => hang.spec === specName(test.fullName))) continue;
        run.tests.push({
          file,
          name: test.fullName,
          state: result.state as TestState,
          errors: (result.errors ?? []).map(messageOf),
          ...(result.state === 'skipped' && result.note ? { note: result.note } : {}),
        });
      }
      for (const hang of hung) {
        const spec = hangAsSpec(hang);
        run.tests.push({ file, name: spec.name, state: 'failed', errors: [spec.message!] });
      }
    }
    writeFileSync(target, JSON.stringify([...runs.values()], null, 2));
  }
}
