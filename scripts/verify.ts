// Proves that every spec teaches (part of `npm test`). For every kata in the manifest:
// the reference passes every spec, the stub fails one with a message that names the
// phenomenon, every wrong answer fails one, and thread/timing specs stay green on the
// reference run after run. All runs share one vitest process, one project per run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Table from 'cli-table3';
import { type Kata, katas } from '../katas/manifest.ts';
import { findKataIn } from '../lib/kata-cli/names.ts';
import { repoRoot } from '../lib/target/target.ts';
import {
  type PlannedRun,
  REPEATED_SPEC,
  type RecordedRun,
  VERIFY_RUNS,
} from '../tests/support/verify-plan.ts';
import { runPlan } from './run-plan.ts';
import { specsReaching } from './spec-reach.ts';

const inCi = process.env.CI === 'true' || process.env.CI === '1';

const listTs = (dir: string, suffix: string) =>
  existsSync(join(repoRoot, dir))
    ? readdirSync(join(repoRoot, dir))
        .filter((file) => file.endsWith(suffix))
        .sort()
        .map((file) => `${dir}/${file}`)
    : [];

interface WrongAnswer {
  file: string;
  /** `<kata>/<module>` it replaces: the file name up to its first dot. */
  moduleId: string;
  label: string;
  /** The spec files its header names in a `// Rejected by: a.test.ts, b.test.ts` line. */
  rejectedBy: string[];
}

// A wrong answer needs one failing spec to be rejected. Its header names the spec file that
// rejects it, so the verifier runs that file alone instead of every spec that can reach the
// module (a quarter of the file runs of `npm test`); if that file passes, it is a gap.
const REJECTED_BY = /^\/\/ Rejected by: (.+)$/m;

function rejectedBy(kata: Kata, file: string): string[] {
  const line = REJECTED_BY.exec(readFileSync(join(repoRoot, file), 'utf8'));
  if (!line) return [];
  return line[1]!.split(',').map((name) => {
    const spec = `tests/${kata.id}/${name.trim()}`;
    if (!existsSync(join(repoRoot, spec))) {
      throw new Error(`${file} says it is rejected by ${name.trim()}, but ${spec} does not exist`);
    }
    return spec;
  });
}

function wrongAnswers(kata: Kata): WrongAnswer[] {
  return listTs(`tests/${kata.id}/wrong`, '.ts').map((file) => {
    const base = file.slice(file.lastIndexOf('/') + 1, -'.ts'.length);
    const module = base.split('.')[0]!;
    if (!existsSync(join(repoRoot, 'solutions', kata.id, `${module}.ts`))) {
      throw new Error(
        `${file} replaces "${module}", but solutions/${kata.id}/${module}.ts does not exist`,
      );
    }
    return {
      file,
      moduleId: `${kata.id}/${module}`,
      label: base,
      rejectedBy: rejectedBy(kata, file),
    };
  });
}

function planFor(kata: Kata): PlannedRun[] {
  const specs = listTs(`tests/${kata.id}`, '.test.ts');
  if (specs.length === 0) throw new Error(`kata ${kata.id} has no specs in tests/${kata.id}/`);
  const reference = { target: 'solutions' as const, substitutes: {} };
  const repeated = specs.filter((file) => REPEATED_SPEC.test(file));
  return [
    {
      name: `reference:${kata.id}`,
      kind: 'reference',
      kata: kata.id,
      include: specs,
      selection: reference,
    },
    {
      name: `stub:${kata.id}`,
      kind: 'stub',
      kata: kata.id,
      include: specs,
      selection: { target: 'katas', substitutes: {} },
    },
    ...wrongAnswers(kata).map(
      (wrong): PlannedRun => ({
        name: `wrong:${kata.id}:${wrong.label}`,
        kind: 'wrong',
        kata: kata.id,
        include:
          wrong.rejectedBy.length > 0
            ? wrong.rejectedBy
            : specsReaching(kata.id, wrong.moduleId.split('/')[1]!, specs),
        selection: {
          target: 'solutions',
          substitutes: { [wrong.moduleId]: join(repoRoot, wrong.file) },
        },
      }),
    ),
    ...(repeated.length === 0
      ? []
      : Array.from(
          { length: VERIFY_RUNS - 1 },
          (_, i): PlannedRun => ({
            name: `rerun${i + 2}:${kata.id}`,
            kind: 'rerun',
            kata: kata.id,
            include: repeated,
            selection: reference,
          }),
        )),
  ];
}

interface Verdict {
  row: string[];
  gaps: string[];
}

const firstLine = (text: string, max = 70) => {
  const line = text.split('\n')[0] ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

const failed = (run: RecordedRun | undefined) =>
  (run?.tests ?? []).filter((test) => test.state === 'failed');

function judge(kata: Kata, runs: PlannedRun[], results: Map<string, RecordedRun>): Verdict {
  const gaps: string[] = [];
  const result = (name: string) => results.get(name);

  const reference = result(`reference:${kata.id}`);
  const refFailed = failed(reference);
  const refSkipped = (reference?.tests ?? []).filter((test) => test.state === 'skipped');
  if (!reference || reference.tests.length === 0) gaps.push('reference: no spec ran');
  for (const error of reference?.moduleErrors ?? [])
    gaps.push(`reference: ${firstLine(error, 200)}`);
  for (const test of refFailed)
    gaps.push(`reference fails "${test.name}": ${firstLine(test.errors[0] ?? '', 200)}`);
  for (const test of refSkipped) {
    const why = `reference skipped "${test.name}"${test.note ? ` (${test.note})` : ''}`;
    if (inCi) gaps.push(`${why}: in CI every spec must run`);
    else console.log(`note: ${why}`);
  }

  const stub = failed(result(`stub:${kata.id}`));
  const named = stub.flatMap((test) => test.errors).find((error) => kata.phenomenon.test(error));
  if (stub.length === 0) gaps.push('stub: every spec passes on the stub');
  else if (!named) gaps.push(`stub: no failure message matches ${kata.phenomenon}`);

  const wrong = runs.filter((run) => run.kind === 'wrong');
  const caught = (run: PlannedRun) =>
    [run.name, ...retryNames(run.name)].some((name) => failed(result(name)).length > 0);
  const accepted = wrong.filter((run) => !caught(run));
  const onRetry = wrong.filter((run) => caught(run) && failed(result(run.name)).length === 0);
  for (const run of accepted) {
    const loadErrors = result(run.name)?.moduleErrors ?? [];
    const ran = run.include.map((file) => file.slice(file.lastIndexOf('/') + 1)).join(', ');
    gaps.push(
      loadErrors.length > 0
        ? `${run.name} only fails to load: ${firstLine(loadErrors[0]!, 200)}`
        : `${run.name} passes every spec it ran (${ran}): a spec is missing, ` +
            'or the "// Rejected by:" line of its header names the wrong file',
    );
  }

  const reruns = runs.filter((run) => run.kind === 'rerun');
  const flips = reruns.filter((run) => {
    const rerun = result(run.name);
    return (
      !rerun ||
      rerun.tests.length === 0 ||
      failed(rerun).length > 0 ||
      rerun.moduleErrors.length > 0
    );
  });
  for (const run of flips) {
    gaps.push(
      `${run.name} flipped: ${firstLine(failed(result(run.name))[0]?.errors[0] ?? 'did not run', 200)}`,
    );
  }
  const refGreen = reference && refFailed.length === 0 && reference.moduleErrors.length === 0;
  const passes = reruns.length - flips.length + (refGreen ? 1 : 0);

  const seconds = (
    runs.map((run) => result(run.name)?.durationMs ?? 0).reduce((sum, ms) => sum + ms, 0) / 1000
  ).toFixed(1);
  return {
    gaps,
    row: [
      kata.id,
      named
        ? `red: ${firstLine(named.split('\n').find((line) => kata.phenomenon.test(line)) ?? named, 60)}`
        : stub.length > 0
          ? 'red, phenomenon not named'
          : 'GREEN',
      `${wrong.length - accepted.length}/${wrong.length}` +
        (onRetry.length > 0 ? ` (${onRetry.length} on a retry)` : ''),
      refGreen
        ? `green (${reference.tests.length - refSkipped.length}/${reference.tests.length})`
        : 'RED',
      reruns.length === 0 ? 'no thread specs' : `${passes}/${reruns.length + 1}`,
      `${seconds} s`,
    ],
  };
}

const RACE_RETRIES = 2;
const retryNames = (name: string) =>
  Array.from({ length: RACE_RETRIES }, (_, i) => `retry${i + 1}-${name}`);

/**
 * A wrong lock is caught by its thread specs only when the threads really overlap, and the
 * verifier's parallel runs can starve them of a core. Like a spec that asserts a race
 * happens, such a wrong answer gets up to RACE_RETRIES more runs of its thread specs, alone.
 */
function retryRaceCatches(runs: PlannedRun[], results: Map<string, RecordedRun>): void {
  for (let attempt = 0; attempt < RACE_RETRIES; attempt++) {
    const retries = runs
      .filter((run) => run.kind === 'wrong')
      .filter((run) =>
        [run.name, ...retryNames(run.name)].every((name) => failed(results.get(name)).length === 0),
      )
      .map((run) => ({ ...run, include: run.include.filter((file) => REPEATED_SPEC.test(file)) }))
      .filter((run) => run.include.length > 0)
      .map((run) => ({ ...run, name: retryNames(run.name)[attempt]! }));
    if (retries.length === 0) return;
    console.log(
      `verify: ${retries.length} wrong answer(s) passed their thread specs; running those again, alone…`,
    );
    const label = `retry${attempt + 1}`;
    for (const [name, run] of runPlan(retries, { label, progress: true, maxWorkers: 1 })) {
      results.set(name, run);
    }
  }
}

function main(): number {
  const started = Date.now();
  // `npm run verify -- 03 04` verifies only those katas (and skips the repository specs).
  const only = process.argv.slice(2);
  const chosen =
    only.length === 0
      ? katas
      : katas.filter((kata) => only.some((q) => findKataIn(katas, q) === kata));
  if (chosen.length === 0) throw new Error(`no kata matches ${only.join(', ')}`);
  const perKata = chosen.map((kata) => ({ kata, runs: planFor(kata) }));
  // Specs outside the katas (the shared core, the load tool, the docs) run once, on the reference.
  const repository =
    only.length === 0
      ? readdirSync(join(repoRoot, 'tests'))
          .filter((dir) => dir !== 'support' && !/^\d\d-/.test(dir))
          .flatMap((dir) => listTs(`tests/${dir}`, '.test.ts'))
      : [];
  const repositoryRun: PlannedRun[] =
    repository.length === 0
      ? []
      : [
          {
            name: 'repository',
            kind: 'repository',
            kata: 'repository',
            include: repository,
            selection: { target: 'solutions', substitutes: {} },
          },
        ];
  const runs = [...repositoryRun, ...perKata.flatMap(({ runs }) => runs)];
  console.log(`verify: ${runs.length} runs of the specs in one vitest process…`);
  const results = runPlan(runs, { label: 'verify', progress: true });
  retryRaceCatches(runs, results);

  const table = new Table({
    head: ['kata', 'stub', 'wrong answers rejected', 'reference', 'runs', 'time'],
    style: { head: [], border: [] },
  });
  const gaps: string[] = [];
  for (const { kata, runs } of perKata) {
    const verdict = judge(kata, runs, results);
    table.push(verdict.row);
    gaps.push(...verdict.gaps.map((gap) => `${kata.id}: ${gap}`));
  }
  const repo = results.get('repository');
  if (repositoryRun.length > 0) {
    if (!repo || repo.tests.length === 0) gaps.push('repository specs did not run');
    for (const test of failed(repo))
      gaps.push(`repository: "${test.name}": ${firstLine(test.errors[0] ?? '', 200)}`);
    for (const error of repo?.moduleErrors ?? []) gaps.push(`repository: ${firstLine(error, 200)}`);
  }

  console.log(`\n${table.toString()}`);
  if (repo)
    console.log(
      `repository specs: ${repo.tests.length - failed(repo).length}/${repo.tests.length} green`,
    );
  console.log(
    `verified ${chosen.length} kata(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (gaps.length > 0) {
    console.log(`\n${gaps.length} gap(s):`);
    for (const gap of gaps) console.log(`  - ${gap}`);
    return 1;
  }
  console.log('every kata is proven: reference green, stub red, every wrong answer rejected');
  return 0;
}

process.exitCode = main();
