// `npm run kata`: the guided loop. Progress n/N, the current kata (the first one not green on
// your code), its README, one hint tier at a time, and watch mode with the keyboard (h, l, n,
// r, q). Results are remembered per kata, keyed by a hash of its files (lib/kata-cli/), so
// `hint` and `list` answer at once; `list --check` reruns. KATA_ROOT points it at another
// repository (the CLI's specs use fixture katas).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { Kata } from '../katas/manifest.ts';
import { printReplay, readReplay, stepThrough } from '../lib/interleavings/replay.ts';
import { resultsFor } from '../lib/kata-cli/check.ts';
import { findKataIn, UnknownKataError } from '../lib/kata-cli/names.ts';
import { rerunReplay } from '../lib/kata-cli/replay-run.ts';
import { exercismResults } from '../lib/kata-cli/report.ts';
import { resetKata } from '../lib/kata-cli/reset.ts';
import {
  cachedResult,
  failing,
  firstProblem,
  inCi,
  type KataResult,
  notApplicable,
  verdictOf,
} from '../lib/kata-cli/results.ts';
import { kataRoot, loadKatas, stateDir } from '../lib/kata-cli/root.ts';
import { progressBar, progressLine, statusText } from '../lib/kata-cli/summary.ts';
import { isGreen, watchKatas } from '../lib/kata-cli/watch.ts';

const root = kataRoot();
const katas = await loadKatas(root);
const stateFile = join(stateDir(root), 'kata-state.json');

interface State {
  /** Hint tiers already shown, per kata. */
  hintsSeen: Record<string, number>;
}

const loadState = (): State =>
  existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State)
    : { hintsSeen: {} };

const saveState = (state: State) => {
  mkdirSync(stateDir(root), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
};

function kataArg(query: string): Kata {
  const kata = findKataIn(katas, query);
  if (!kata) throw new InvalidArgumentError(new UnknownKataError(query, katas).message);
  return kata;
}

function tierArg(value: string): number {
  const tier = Number(value);
  if (!Number.isInteger(tier) || tier < 1 || tier > 3) {
    throw new InvalidArgumentError('a hint tier is 1, 2 or 3');
  }
  return tier;
}

/** Remembered results only: no spec runs (unknown where a kata's files changed). */
const remembered = () => katas.map((kata) => cachedResult(root, kata.id));

/** The first kata not known to be green. */
const currentKata = (results: (KataResult | undefined)[]) =>
  katas.find((_, i) => !results[i] || verdictOf(results[i]!) !== 'green');

const readme = (kata: Kata) => readFileSync(join(root, 'katas', kata.id, 'README.md'), 'utf8');

/** The README without its hints: those come one tier at a time from `hint`. */
function withoutHints(text: string): string {
  const start = text.search(/^## Hints/m);
  if (start < 0) return text.trim();
  const rest = text.slice(start + 1).search(/^## /m);
  return (text.slice(0, start) + (rest < 0 ? '' : text.slice(start + 1 + rest))).trim();
}

/** The README up to its questions: the experiment and what to observe. */
function introduction(kata: Kata): string {
  const text = withoutHints(readme(kata));
  const cut = text.indexOf('## Questions');
  return (cut > 0 ? text.slice(0, cut) : text).trim();
}

function showHint(kata: Kata, tier: number | undefined): void {
  const state = loadState();
  const seen = state.hintsSeen[kata.id] ?? 0;
  const next = tier ?? Math.min(seen + 1, kata.hints.length);
  console.log(`${kata.id} · hint ${next} of ${kata.hints.length}\n\n${kata.hints[next - 1]}\n`);
  if (next < kata.hints.length) console.log('(ask again for the next tier)');
  state.hintsSeen[kata.id] = Math.max(seen, next);
  saveState(state);
}

function printQuestions(kata: Kata): void {
  for (const [i, question] of kata.questions.entries()) console.log(`${i + 1}. ${question}`);
}

function printList(results: (KataResult | undefined)[]): void {
  const width = Math.max(...katas.map((kata) => kata.id.length));
  katas.forEach((kata, i) => {
    console.log(
      `${String(i + 1).padStart(2)}  ${kata.id.padEnd(width)}  ${statusText(results[i])}`,
    );
  });
  if (results.some((result) => !result)) {
    console.log(
      '(unknown: its files changed since its last run; `npm run kata -- list --check` runs them)',
    );
  }
  console.log(progressLine(katas, results));
}

function describeRed(result: KataResult): void {
  const failed = failing(result);
  if (verdictOf(result) === 'error') {
    console.log(`does not run: ${firstProblem(result) ?? 'no spec ran'}`);
  } else if (failed.length > 0) {
    console.log(
      `red:  ${failed.length} of ${result.tests.length} specs — ${firstProblem(result) ?? ''}`,
    );
  }
  for (const test of notApplicable(result)) {
    const ci = inCi() ? ' (CI: every spec must run, so this counts as a failure)' : '';
    console.log(`not applicable: ${test.name} — ${test.message}${ci}`);
  }
}

function onResult(kata: Kata, result: KataResult): void {
  const results = remembered();
  const done = results.filter((entry) => entry && isGreen(entry)).length;
  if (!isGreen(result)) {
    console.log(`\n${kata.id}: ${statusText(result)}`);
    console.log(`progress ${progressBar(done, katas.length)}`);
    return;
  }
  console.log(`\n✔ ${kata.id} is green: every spec passes on your code.`);
  for (const test of notApplicable(result))
    console.log(`  not applicable: ${test.name} — ${test.message}`);
  console.log(`progress ${progressBar(done, katas.length)}\n\nBefore you move on, answer these:`);
  printQuestions(kata);
  console.log(
    `\nCompare with the reference: npm run kata -- solution ${kata.id.slice(0, 2)}` +
      `\nMeasure your fix: npx vitest bench --run ${kata.id.slice(0, 2)}` +
      '\nPress n for the next kata.',
  );
}

async function watch(kata: Kata): Promise<number> {
  if (!process.stdin.isTTY || inCi()) {
    console.log(`(not a terminal: run \`npx vitest ${kata.id}\` to watch this kata)`);
    return 0;
  }
  return watchKatas(root, kata, {
    onResult,
    hint: (current) => showHint(current, undefined),
    list: () => printList(remembered()),
    next: (current) => {
      const results = remembered();
      const after = katas.slice(katas.indexOf(current) + 1);
      const candidates = [...after, ...katas.slice(0, katas.indexOf(current))];
      return candidates.find((kata) => {
        const result = results[katas.indexOf(kata)];
        return !result || !isGreen(result);
      });
    },
  });
}

const program = new Command('kata')
  .description('Guided concurrency katas: see the race, fix it, measure the fix.')
  .exitOverride()
  .configureOutput({ outputError: () => {} });

program
  .command('next', { isDefault: true })
  .description('progress, the current kata, then watch its specs (the default)')
  .option('--no-watch', 'print the current kata and stop')
  .action(async (options: { watch: boolean }) => {
    const results = resultsFor(root, katas, { quiet: false });
    const done = results.filter(isGreen).length;
    console.log(`\nprogress ${progressBar(done, katas.length)}`);
    const current = currentKata(results);
    if (!current) {
      console.log('\nEvery kata is green. Run `npx vitest bench` to see what your fixes cost.');
      return;
    }
    const result = results[katas.indexOf(current)]!;
    console.log(`\n${'─'.repeat(72)}\n${introduction(current)}\n${'─'.repeat(72)}`);
    console.log(`\nedit: ${current.files.map((file) => `katas/${current.id}/${file}`).join(', ')}`);
    describeRed(result);
    console.log('stuck? `npm run kata -- hint` shows the next hint tier.');
    const interactive = options.watch && process.stdin.isTTY && !inCi();
    if (interactive) {
      process.exitCode = await watch(current);
    } else {
      // Not a terminal (or CI): a red kata is a failure, so scripts and CI can tell.
      console.log(`\n${progressLine(katas, results)}`);
      process.exitCode = 1;
    }
  });

program
  .command('list')
  .description('every kata and its last result on your code (--check reruns them)')
  .option('--check', 'rerun every kata now')
  .action((options: { check?: boolean }) => {
    printList(
      options.check ? resultsFor(root, katas, { recheck: true, quiet: false }) : remembered(),
    );
  });

program
  .command('hint')
  .description('the next hint tier for a kata (default: the current one), or a given tier')
  .argument('[kata]', 'kata: 03, 3 or 03-mutex', kataArg)
  .argument('[tier]', 'hint tier 1–3', tierArg)
  .action((kata: Kata | undefined, tier: number | undefined) => {
    const chosen = kata ?? currentKata(remembered());
    if (!chosen) console.log('every kata is green: no hints needed');
    else showHint(chosen, tier);
  });

program
  .command('show')
  .description("a kata's README, without the hints (`hint` gives them one tier at a time)")
  .argument('<kata>', 'kata: 03, 3 or 03-mutex', kataArg)
  .action((kata: Kata) => console.log(withoutHints(readme(kata))));

program
  .command('questions')
  .description("a kata's questions, to answer once it is green")
  .argument('<kata>', 'kata: 03, 3 or 03-mutex', kataArg)
  .action(printQuestions);

program
  .command('watch')
  .description("watch one kata's specs")
  .argument('<kata>', 'kata: 03, 3 or 03-mutex', kataArg)
  .action(async (kata: Kata) => {
    process.exitCode = await watch(kata);
  });

program
  .command('reset')
  .description('restore the pristine stub (your files go to a backup folder first)')
  .argument('<kata>', 'kata: 03, 3 or 03-mutex', kataArg)
  .option('--yes', 'do not ask')
  .action(async (kata: Kata, options: { yes?: boolean }) => {
    if (!options.yes) {
      if (!process.stdin.isTTY) {
        console.error(
          `error: reset replaces your files in katas/${kata.id}/; add --yes to confirm`,
        );
        process.exitCode = 2;
        return;
      }
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = await rl.question(
        `Replace your files in katas/${kata.id}/ with the stub (a backup is kept)? [y/N] `,
      );
      rl.close();
      if (!/^y(es)?$/i.test(answer.trim())) {
        console.log('nothing changed');
        return;
      }
    }
    const outcome = resetKata(root, kata);
    console.log(`your files: ${outcome.backup}/`);
    console.log(`restored:   ${outcome.restored.join(', ')}`);
  });

program
  .command('solution')
  .description('the reference for a kata, once your code passes its specs')
  .argument('<kata>', 'kata: 03, 3 or 03-mutex', kataArg)
  .action((kata: Kata) => {
    const [result] = resultsFor(root, [kata]);
    if (!result || !isGreen(result)) {
      console.log(
        `The reference for ${kata.id} is shown once your code is green (${statusText(result)}).`,
      );
      process.exitCode = 1;
      return;
    }
    for (const file of kata.files) {
      const path = join('solutions', kata.id, file);
      console.log(`── ${path} ${'─'.repeat(Math.max(0, 68 - path.length))}\n`);
      console.log(readFileSync(join(root, path), 'utf8'));
    }
  });

program
  .command('report')
  .description("every kata's result; --json: exercism's results.json shape, per kata")
  .option('--json', 'machine-readable, for grading')
  .option('--check', 'rerun every kata now')
  .action((options: { json?: boolean; check?: boolean }) => {
    const results = resultsFor(root, katas, { recheck: options.check ?? false });
    if (options.json) {
      const report = Object.fromEntries(
        katas.map((kata, i) => [kata.id, exercismResults(results[i]!)]),
      );
      console.log(JSON.stringify(report, null, 2));
    } else {
      printList(results);
    }
  });

program
  .command('replay')
  .description(
    'replay the failing order fast-check found in a kata (01, 03, 04, 06, …), the shared value at each step',
  )
  .argument('<kata>', 'kata: 03, 3 or 03-mutex', kataArg)
  .action(async (kata: Kata) => {
    const replay = readReplay(root, kata.id);
    if (!replay) {
      console.log(
        `no failing order is recorded for ${kata.id}: replay needs a red spec that runs ` +
          `fast-check's scheduler. Run \`npx vitest run ${kata.id.slice(0, 2)}\` first.`,
      );
      process.exitCode = 1;
      return;
    }
    console.log(`re-executing the failing order of ${replay.file} …`);
    const rerun = rerunReplay(root, replay);
    if (rerun.kind === 'passes') {
      console.log(
        `the order recorded for ${kata.id} no longer fails: your code passes it now. ` +
          `Run \`npx vitest run ${kata.id.slice(0, 2)}\` for the kata's other specs.`,
      );
      return;
    }
    if (rerun.kind === 'error') {
      console.log(`could not re-execute it (${rerun.why}); the recorded steps, without values:`);
    }
    const shown = rerun.kind === 'replayed' ? rerun.replay : replay;
    if (process.stdin.isTTY && !inCi()) await stepThrough(shown);
    else printReplay(shown, (text) => process.stdout.write(text));
  });

const usage = () =>
  `usage: npm run kata -- <command>\n  ${program.commands
    .map((command) => `${command.name()} ${command.usage()}`.trim())
    .join('\n  ')}`;

try {
  await program.parseAsync();
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  if (error.exitCode !== 0) {
    console.error(error.message.split('\n')[0]);
    console.error(usage());
  }
  process.exitCode = error.exitCode === 0 ? 0 : 2;
}
