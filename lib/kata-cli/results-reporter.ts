// vitest reporter for the kata CLI: after every run (watch mode included) it writes one
// result per kata to KATA_RESULTS_FILE and remembers them in the cache, each under the
// fingerprint its files had when the run started.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestModule, TestSpecification, Vitest } from 'vitest/node';
import { clearHangs, hangDir, readHangs } from '../watchdog/hang-record.ts';
import { collectResults, completeKatas, kataOfFile, rememberable } from './collect.ts';
import { fingerprint, remember } from './results.ts';

export default class KataResultsReporter implements Reporter {
  private root = process.cwd();
  private fingerprints = new Map<string, string>();
  private complete = new Set<string>();
  private filtered = false;

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
    this.filtered = Boolean(vitest.config.testNamePattern);
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    clearHangs(hangDir(this.root));
    this.fingerprints.clear();
    for (const spec of specifications) {
      const id = kataOfFile(relative(this.root, spec.moduleId));
      if (id && !this.fingerprints.has(id)) this.fingerprints.set(id, fingerprint(this.root, id));
    }
    this.complete = completeKatas(this.root, specifications, this.filtered);
  }

  /** With KATA_PROGRESS=1 (the CLI's checks), one line per finished spec file. */
  onTestModuleEnd(module: TestModule): void {
    if (process.env.KATA_PROGRESS !== '1') return;
    const tests = [...module.children.allTests()];
    const failed = tests.filter((test) => test.result().state === 'failed').length;
    const mark = failed > 0 || module.errors().length > 0 ? '✗' : '✓';
    process.stderr.write(`  ${mark} ${relative(this.root, module.moduleId)}\n`);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const dir = hangDir(this.root);
    const results = collectResults(this.root, modules, readHangs(dir));
    clearHangs(dir);
    remember(
      this.root,
      rememberable(results, this.complete).map((result) => ({
        result,
        fingerprint: this.fingerprints.get(result.id) ?? fingerprint(this.root, result.id),
      })),
    );
    const target = process.env.KATA_RESULTS_FILE;
    if (target) writeFileSync(target, JSON.stringify([...results.values()], null, 2));
  }
}
