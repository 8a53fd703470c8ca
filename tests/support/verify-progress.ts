// One line per finished spec file, so a long verification shows where it is.
import { relative } from 'node:path';
import type { Reporter, TestModule, TestSpecification } from 'vitest/node';
import { repoRoot } from '../../lib/target/target.ts';

export default class VerifyProgress implements Reporter {
  private total = 0;
  private done = 0;

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    this.total = specifications.length;
  }

  onTestModuleEnd(module: TestModule): void {
    this.done++;
    const tests = [...module.children.allTests()];
    const failed = tests.filter((test) => test.result().state === 'failed').length;
    const outcome = failed > 0 || module.errors().length > 0 ? `${failed} failed` : 'passed';
    const seconds = (module.diagnostic().duration / 1000).toFixed(1);
    const width = String(this.total).length;
    process.stdout.write(
      `[${String(this.done).padStart(width)}/${this.total}] ${module.project.name.padEnd(44)} ` +
        `${relative(repoRoot, module.moduleId).padEnd(52)} ${tests.length} tests, ${outcome} (${seconds} s)\n`,
    );
  }
}
