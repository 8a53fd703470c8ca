// What both vitest reporters of the kata loop (results-reporter.ts for the CLI, summary-reporter.ts
// for plain `npx vitest`) do with a run: note each kata's fingerprint when the run starts (a file
// saved during the run must not make a stale result look current), then turn the finished run
// and the watchdog's hang records into one result per kata, remembered for `hint` and `list`.
import { relative } from 'node:path';
import type { TestModule, TestSpecification, Vitest } from 'vitest/node';
import { clearHangs, type HangRecord, hangDir, readHangs } from '../watchdog/hang-record.ts';
import { collectResults, completeKatas, kataOfFile, rememberable } from './collect.ts';
import { fingerprint, type KataResult, remember } from './results.ts';

export class KataRunResults {
  root = process.cwd();
  private fingerprints = new Map<string, string>();
  private complete = new Set<string>();
  private filtered = false;

  init(vitest: Vitest): void {
    this.root = vitest.config.root;
    this.filtered = Boolean(vitest.config.testNamePattern);
  }

  start(specifications: ReadonlyArray<TestSpecification>): void {
    clearHangs(hangDir(this.root));
    this.fingerprints.clear();
    for (const spec of specifications) {
      const id = kataOfFile(relative(this.root, spec.moduleId));
      if (id && !this.fingerprints.has(id)) this.fingerprints.set(id, fingerprint(this.root, id));
    }
    this.complete = completeKatas(this.root, specifications, this.filtered);
  }

  /** One result per kata the run touched; remembered (for the learner's code only) when asked. */
  finish(
    modules: ReadonlyArray<TestModule>,
    options: { remember: boolean },
  ): { results: Map<string, KataResult>; hangs: HangRecord[] } {
    const dir = hangDir(this.root);
    const hangs = readHangs(dir);
    clearHangs(dir);
    const results = collectResults(this.root, modules, hangs);
    if (options.remember) {
      remember(
        this.root,
        rememberable(results, this.complete).map((result) => ({
          result,
          fingerprint: this.fingerprints.get(result.id) ?? fingerprint(this.root, result.id),
        })),
      );
    }
    return { results, hangs };
  }
}
