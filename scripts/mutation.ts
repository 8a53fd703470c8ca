// `npm run mutation -- NN [NN…] [--concurrency N] [--mutate FILE]…`: mutation testing of one kata's
// reference with Stryker. It mutates solutions/NN-name/ and the lib/ files the lesson
// depends on (scripts/mutation/stryker-options.ts), runs the kata's specs against each
// mutant, writes out/mutation/NN/ (HTML and JSON), prints the score and the survivors,
// and exits non-zero under 85 %. Too slow for every CI run: not part of `npm test`.
// `--mutate FILE` (repeatable) mutates only those files, for a loaded machine: the score then
// covers only them, and the run says so.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import { type Kata, katas } from '../katas/manifest.ts';
import { repoRoot } from '../lib/target/target.ts';
import { type MutationReport, parseEquivalents, scoreReport } from './mutation/score.ts';
import { reportDir, strykerOptions } from './mutation/stryker-options.ts';

const TARGET_SCORE = 85;

interface Args {
  ids: string[];
  concurrency: number;
  /** Only these files, when given (a scoped run). */
  only: string[];
}

function parseArgs(argv: string[]): Args {
  const ids: string[] = [];
  const only: string[] = [];
  let concurrency = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--concurrency') concurrency = Number(argv[++i]);
    else if (arg === '--mutate') only.push(argv[++i] ?? '');
    else ids.push(arg);
  }
  if (
    ids.length === 0 ||
    !Number.isInteger(concurrency) ||
    concurrency < 1 ||
    only.some((file) => file === '')
  ) {
    console.error(
      'usage: npm run mutation -- NN [NN…] [--concurrency N] [--mutate FILE]…   (e.g. npm run mutation -- 01)',
    );
    process.exit(2);
  }
  return { ids, concurrency, only };
}

function findKata(id: string): Kata {
  const kata = katas.find((candidate) => candidate.id === id || candidate.id.startsWith(`${id}-`));
  if (!kata) throw new Error(`no kata "${id}" in katas/manifest.ts`);
  return kata;
}

async function mutate(kata: Kata, { concurrency, only }: Args): Promise<boolean> {
  process.env.KATA_MUTATION = kata.id;
  process.env.KATA_TARGET = 'solutions';
  process.env.KATA_SUBSTITUTE = '';
  const started = performance.now();
  const options = strykerOptions(kata.id, concurrency);
  if (only.length > 0) options.mutate = only;
  await new Stryker(options).runMutationTest();
  const minutes = (performance.now() - started) / 60_000;

  const report = JSON.parse(
    readFileSync(join(repoRoot, reportDir(kata.id), 'mutation.json'), 'utf8'),
  ) as MutationReport;
  const equivalentsFile = `tests/${kata.id}/EQUIVALENT.md`;
  const equivalents = existsSync(join(repoRoot, equivalentsFile))
    ? parseEquivalents(readFileSync(join(repoRoot, equivalentsFile), 'utf8'), equivalentsFile)
    : [];
  const score = scoreReport(report, equivalents);

  const scope = only.length > 0 ? ` (scoped: ${only.join(', ')} only)` : '';
  console.log(`\n${kata.id}: mutation testing of the reference${scope}`);
  for (const survivor of score.survivors) {
    console.log(`  ${survivor.status.padEnd(10)} - ${survivor.key} — was \`${survivor.original}\``);
  }
  for (const stale of score.stale) {
    console.log(`  stale line in ${equivalentsFile} (no such surviving mutant): ${stale.key}`);
  }
  const passed = score.score >= TARGET_SCORE;
  console.log(
    `  killed ${score.killed}, timed out ${score.timedOut} (counted as killed), survived ` +
      `${score.survived}, no coverage ${score.noCoverage}, equivalent ${score.equivalent} (excluded)`,
  );
  console.log(
    `  score ${score.score.toFixed(1)} % (target ${TARGET_SCORE} %) in ${minutes.toFixed(1)} min: ` +
      `${passed ? 'ok' : 'TOO LOW'}. Report: ${reportDir(kata.id)}/index.html`,
  );
  if (!passed && score.survivors.length > 0) {
    console.log(
      `  Kill a survivor with a spec, or list it in ${equivalentsFile} as one line "- <the line above> — why no behaviour can tell it apart".`,
    );
  }
  return passed;
}

const args = parseArgs(process.argv.slice(2));
let allPassed = true;
for (const id of args.ids) {
  allPassed = (await mutate(findKata(id), args)) && allPassed;
}
process.exitCode = allPassed ? 0 : 1;
