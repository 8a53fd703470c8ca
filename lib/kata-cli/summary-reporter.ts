// The end of plain `npx vitest`: one line per kata in the manifest's order, then one progress
// line. Katas this run did not include show their remembered result. Results against
// katas/ (not the reference, not a substituted module) are remembered for the kata CLI.
import { relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Reporter, TestModule, TestSpecification, Vitest } from 'vitest/node';
import { katas } from '../target/manifest.ts';
import { LEARNER_TARGET } from '../target/target.ts';
import { clearHangs, hangDir, readHangs } from '../watchdog/hang-record.ts';
import { collectResults, completeKatas, kataOfFile, rememberable } from './collect.ts';
import { cachedResult, fingerprint, type KataResult, remember } from './results.ts';
import { progressLine, statusText } from './summary.ts';

const learnerTarget = () =>
  (process.env.KATA_TARGET ?? LEARNER_TARGET) === LEARNER_TARGET && !process.env.KATA_SUBSTITUTE;

/** Where a failure happened: the first frame in the learner's code or the spec. */
function whereOf(
  error: { stacks?: { file: string; line: number; column: number }[] },
  root: string,
) {
  const frame = error.stacks?.find((entry) => /\/(katas|tests|solutions)\//.test(entry.file));
  return frame ? `${relative(root, frame.file)}:${frame.line}:${frame.column}` : undefined;
}

export interface SummaryOptions {
  /** One line per spec file and two per failure, instead of vitest's full report. */
  compact?: boolean;
}

export default class KataSummaryReporter implements Reporter {
  private root = process.cwd();
  private readonly compact: boolean;

  constructor(options: SummaryOptions = {}) {
    this.compact = options.compact ?? false;
  }

  onTestModuleEnd(module: TestModule): void {
    if (!this.compact) return;
    const tests = [...module.children.allTests()];
    const failed = tests.filter((test) => test.result().state === 'failed');
    const bad = failed.length > 0 || module.errors().length > 0;
    const file = relative(this.root, module.moduleId);
    const out = [` ${bad ? '✗' : '✓'} ${file} (${tests.length - failed.length}/${tests.length})`];
    for (const test of failed) {
      const error = (test.result().errors ?? [])[0] as
        | { message?: string; stacks?: { file: string; line: number; column: number }[] }
        | undefined;
      const message = stripVTControlCharacters(error?.message ?? '').split('\n')[0];
      const where = error ? whereOf(error, this.root) : undefined;
      out.push(`     × ${test.fullName.split(' > ').join(' › ')}`);
      out.push(`       ${message}${where ? `  (${where})` : ''}`);
    }
    for (const error of module.errors()) {
      out.push(`     ${stripVTControlCharacters(error.message ?? '').split('\n')[0]}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }

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

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const dir = hangDir(this.root);
    const hangs = readHangs(dir);
    clearHangs(dir);
    const fresh = collectResults(this.root, modules, hangs);
    if (fresh.size === 0) return;
    const learner = learnerTarget();
    if (learner) {
      remember(
        this.root,
        rememberable(fresh, this.complete).map((result) => ({
          result,
          fingerprint: this.fingerprints.get(result.id) ?? fingerprint(this.root, result.id),
        })),
      );
    }
    const out: string[] = [''];
    for (const hang of hangs) out.push(`HANG ${hang.message}`);
    if (hangs.length > 0) out.push('');
    const target = learner ? 'your code in katas/' : `KATA_TARGET=${process.env.KATA_TARGET}`;
    out.push(`Katas (${target}):`);
    const results: (KataResult | undefined)[] = katas.map(
      (kata) => fresh.get(kata.id) ?? (learner ? cachedResult(this.root, kata.id) : undefined),
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
