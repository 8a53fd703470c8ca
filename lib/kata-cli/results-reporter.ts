// vitest reporter for the kata CLI: after every run (watch mode included) it writes one
// result per kata to KATA_RESULTS_FILE and remembers them in the cache, each under the
// fingerprint its files had when the run started.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule, TestSpecification, Vitest } from 'vitest/node';
import { KataRunResults } from './run-results.ts';

export default class KataResultsReporter implements Reporter {
  private readonly run = new KataRunResults();

  onInit(vitest: Vitest): void {
    this.run.init(vitest);
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    this.run.start(specifications);
  }

  /** With KATA_PROGRESS=1 (the CLI's checks), one line per finished spec file. */
  onTestModuleEnd(module: TestModule): void {
    if (process.env.KATA_PROGRESS !== '1') return;
    const tests = [...module.children.allTests()];
    const failed = tests.filter((test) => test.result().state === 'failed').length;
    const mark = failed > 0 || module.errors().length > 0 ? '✗' : '✓';
    process.stderr.write(`  ${mark} ${relative(this.run.root, module.moduleId)}\n`);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const { results } = this.run.finish(modules, { remember: true });
    const target = process.env.KATA_RESULTS_FILE;
    if (target) writeFileSync(target, JSON.stringify([...results.values()], null, 2));
  }
}
