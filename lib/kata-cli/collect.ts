// Turns what vitest reports (plus the watchdog's records of hung spec files) into one result
// per kata. Spec files belong to the kata of their folder: tests/<id>/….
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestModule, TestSpecification } from 'vitest/node';
import type { HangRecord } from '../watchdog/hang-record.ts';
import { type KataResult, type SpecResult, verdictOf } from './results.ts';

interface ReportedError {
  name?: string;
  message?: string;
  cause?: unknown;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colours are what it removes
const ansi = /\u001b\[[0-9;]*m/g;

/** A file that does not compile: `does not compile: katas/x.ts:3:14: Unexpected token`. */
function compileError(message: string): string | undefined {
  if (!/Transform failed|PARSE_ERROR|SyntaxError/.test(message)) return undefined;
  const where = /\[\s*([^\]\s]+:\d+:\d+)\s*\]/.exec(message)?.[1];
  const what = /\[PARSE_ERROR\]\s*(.+)/.exec(message)?.[1] ?? message.split('\n')[0];
  return `does not compile: ${where ? `${where}: ` : ''}${what?.trim()}`;
}

/** The message and its causes: fast-check puts the failed assertion in `cause`. */
export const messageOf = (error: ReportedError): string => {
  const message = (error.message ?? '').replace(ansi, '');
  const own = compileError(message) ?? `${error.name ?? 'Error'}: ${message}`;
  const cause = error.cause as ReportedError | undefined;
  return cause && typeof cause === 'object' ? `${own}\nCaused by: ${messageOf(cause)}` : own;
};

/** `tests/03-mutex/x.test.ts` → `03-mutex`; undefined for specs outside a kata. */
export function kataOfFile(file: string): string | undefined {
  return /^tests\/(\d\d-[^/]+)\//.exec(file)?.[1];
}

/** `describe › it`, from vitest's fullName (which is `describe > it`). */
export const specName = (fullName: string): string => fullName.split(' > ').join(' › ');

/** The spec a hang record names, as a failed spec. */
export function hangAsSpec(hang: HangRecord): SpecResult {
  return {
    file: hang.file,
    name: hang.spec || `(loading ${hang.file})`,
    status: 'fail',
    message: `HangError: ${hang.message}`,
  };
}

export function collectResults(
  root: string,
  modules: ReadonlyArray<TestModule>,
  hangs: readonly HangRecord[],
): Map<string, KataResult> {
  const results = new Map<string, KataResult>();
  const resultOf = (id: string) => {
    let result = results.get(id);
    if (!result) {
      result = { id, tests: [], errors: [] };
      results.set(id, result);
    }
    return result;
  };
  for (const module of modules) {
    const file = relative(root, module.moduleId);
    const id = kataOfFile(file);
    if (!id) continue;
    const result = resultOf(id);
    const hung = hangs.filter((hang) => hang.file === file);
    for (const test of module.children.allTests()) {
      const outcome = test.result();
      const name = specName(test.fullName);
      const hang = hung.find((record) => record.spec === name);
      if (hang) {
        result.tests.push(hangAsSpec(hang));
      } else if (outcome.state === 'passed') {
        result.tests.push({ file, name, status: 'pass' });
      } else if (outcome.state === 'failed') {
        const message = (outcome.errors ?? []).map(messageOf).join('\n');
        result.tests.push({ file, name, status: 'fail', message });
      } else if (
        outcome.state === 'skipped' &&
        (outcome.note || test.options.mode === 'run') &&
        hung.length === 0
      ) {
        // A spec that started and skipped itself (a missing optional server) is "not
        // applicable"; one that a name filter or `.skip` left out did not run at all.
        const message = outcome.note ?? 'skipped itself while running (no reason given)';
        result.tests.push({ file, name, status: 'skip', message });
      }
      // A pending spec never ran: its file was stopped by the watchdog (recorded below).
    }
    for (const hang of hung) {
      if (
        !result.tests.some(
          (test) => test.file === file && test.name === (hang.spec || `(loading ${file})`),
        )
      ) {
        result.tests.push(hangAsSpec(hang));
      }
    }
    if (hung.length === 0) {
      result.errors.push(...module.errors().map((error) => `${file}: ${messageOf(error)}`));
      // A failing beforeAll fails its suite and skips the suite's specs: the kata is not done.
      for (const suite of module.children.allSuites()) {
        if (suite.state() !== 'failed') continue;
        result.errors.push(
          ...suite
            .errors()
            .map((error) => `${file} › ${specName(suite.fullName)}: ${messageOf(error)}`),
        );
      }
    }
  }
  return results;
}

/** Katas whose every spec file is in this run (and no name filter skips specs). */
export function completeKatas(
  root: string,
  specifications: ReadonlyArray<TestSpecification>,
  filtered: boolean,
): Set<string> {
  const complete = new Set<string>();
  if (filtered) return complete;
  const running = new Set(specifications.map((spec) => relative(root, spec.moduleId)));
  for (const id of new Set([...running].map(kataOfFile).filter((id) => id !== undefined))) {
    const dir = join(root, 'tests', id);
    const all = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.test.ts')) : [];
    if (all.every((file) => running.has(`tests/${id}/${file}`))) complete.add(id);
  }
  return complete;
}

/** A red result is red however few specs ran; a green one counts only if they all ran. */
export function rememberable(
  results: Map<string, KataResult>,
  complete: Set<string>,
): KataResult[] {
  return [...results.values()].filter(
    (result) => complete.has(result.id) || verdictOf(result) !== 'green',
  );
}
