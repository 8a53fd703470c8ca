// The end of plain `npx vitest`: one line per kata in the manifest's order, then one progress
// line. Katas this run did not include show their remembered result. Results against
// katas/ (not the reference, not a substituted module) are remembered for the kata CLI.
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Reporter, TestModule, TestSpecification, Vitest } from 'vitest/node';
import { katas } from '../target/manifest.ts';
import { LEARNER_TARGET } from '../target/target.ts';
import { cachedResult, type KataResult } from './results.ts';
import { KataRunResults } from './run-results.ts';
import { progressLine, statusText } from './summary.ts';

const learnerTarget = () =>
  (process.env.KATA_TARGET ?? LEARNER_TARGET) === LEARNER_TARGET && !process.env.KATA_SUBSTITUTE;

/**
 * Where a failure happened: the first frame in the learner's code or in a spec file itself
 * (not in a helper the spec calls: tests/support/, a kata's shared assertions).
 */
function whereOf(
  error: { stacks?: { file: string; line: number; column: number }[] },
  root: string,
) {
  const frame = error.stacks?.find(
    (entry) =>
      /\/(katas|solutions)\//.test(entry.file) || /\/tests\/.*\.test\.ts$/.test(entry.file),
  );
  return frame ? `${relative(root, frame.file)}:${frame.line}:${frame.column}` : undefined;
}

export interface SummaryOptions {
  /** One line per spec file and two per failure, instead of vitest's full report. */
  compact?: boolean;
}

export default class KataSummaryReporter implements Reporter {
  private readonly run = new KataRunResults();
  private readonly compact: boolean;

  constructor(options: SummaryOptions = {}) {
    this.compact = options.compact ?? false;
  }

  onTestModuleEnd(module: TestModule): void {
    if (!this.compact) return;
    const tests = [...module.children.allTests()];
    const failed = tests.filter((test) => test.result().state === 'failed');
    const bad = failed.length > 0 || module.errors().length > 0;
    const file = relative(this.run.root, module.moduleId);
    const out = [` ${bad ? '✗' : '✓'} ${file} (${tests.length - failed.length}/${tests.length})`];
    for (const test of failed) {
      const error = (test.result().errors ?? [])[0] as
        | { message?: string; stacks?: { file: string; line: number; column: number }[] }
        | undefined;
      const message = stripVTControlCharacters(error?.message ?? '').split('\n')[0];
      const where = error ? whereOf(error, this.run.root) : undefined;
      out.push(`     × ${test.fullName.split(' > ').join(' › ')}`);
      out.push(`       ${message}${where ? `  (${where})` : ''}`);
    }
    for (const error of module.errors()) {
      out.push(`     ${stripVTControlCharacters(error.message ?? '').split('\n')[0]}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }

  onInit(vitest: Vitest): void {
    this.run.init(vitest);
  }

  onTestRunStart(specifications: ReadonlyArray<TestSpecification>): void {
    this.run.start(specifications);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const learner = learnerTarget();
    const { results: fresh, hangs } = this.run.finish(modules, { remember: learner });
    if (fresh.size === 0) return;
    const out: string[] = [''];
    for (const hang of hangs) out.push(`HANG ${hang.message}`);
    if (hangs.length > 0) out.push('');
    const target = learner ? 'your code in katas/' : `KATA_TARGET=${process.env.KATA_TARGET}`;
    out.push(`Katas (${target}):`);
    const results: (KataResult | undefined)[] = katas.map(
      (kata) => fresh.get(kata.id) ?? (learner ? cachedResult(this.run.root, kata.id) : undefined),
    );
    const width = Math.max(...katas.map((kata) => kata.id.length));
    katas.forEach((kata, i) => {
      const ran = fresh.has(kata.id) ? ' ' : '·';
      out.push(` ${ran} ${kata.id.padEnd(width)}  ${statusText(results[i])}`);
    });
    if (fresh.size < katas.length)
      out.push(' (· not run now: its last result, if its files are unchanged)');
    out.push(progressLine(katas, results));
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
