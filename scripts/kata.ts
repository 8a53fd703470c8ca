// `npm run kata`: the guided loop. Shows progress n/N, the current kata (the first one whose
// specs are red on your code), its README and hints, and runs its specs in watch mode.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Table from 'cli-table3';
import { Command, InvalidArgumentError } from 'commander';
import { findKata, type Kata, katas } from '../katas/manifest.ts';
import { repoRoot } from '../lib/target/target.ts';
import type { PlannedRun, RecordedRun } from '../tests/support/verify-plan.ts';
import { runPlan, workDir } from './run-plan.ts';

const stateFile = join(workDir, 'kata-state.json');

interface State {
  /** Hint tiers already shown, per kata. */
  hintsSeen: Record<string, number>;
}

const loadState = (): State =>
  existsSync(stateFile)
    ? (JSON.parse(readFileSync(stateFile, 'utf8')) as State)
    : { hintsSeen: {} };

const saveState = (state: State) => {
  mkdirSync(workDir, { recursive: true });
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
};

function kataArg(query: string): Kata {
  const kata = findKata(query);
  if (!kata) {
    throw new InvalidArgumentError(
      `no kata "${query}"; try one of: ${katas.map((k) => k.id).join(', ')}`,
    );
  }
  return kata;
}

interface Status {
  kata: Kata;
  done: boolean;
  failed: number;
  total: number;
  firstFailure?: string;
}

/** Runs every kata's specs against katas/ in one vitest process. */
function checkAll(): Status[] {
  process.stdout.write(`checking ${katas.length} katas against your code in katas/ …\n`);
  const runs: PlannedRun[] = katas.map((kata) => ({
    name: `learner:${kata.id}`,
    kind: 'learner',
    kata: kata.id,
    include: readdirSync(join(repoRoot, 'tests', kata.id))
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => `tests/${kata.id}/${file}`),
    selection: { target: 'katas', substitutes: {} },
  }));
  const results = runPlan(runs, { label: 'kata', progress: false });
  return katas.map((kata) => statusOf(kata, results.get(`learner:${kata.id}`)));
}

function statusOf(kata: Kata, run: RecordedRun | undefined): Status {
  const tests = run?.tests ?? [];
  const failed = tests.filter((test) => test.state !== 'passed');
  const broken = run?.moduleErrors ?? [];
  const firstFailure = failed[0]?.errors[0] ?? broken[0];
  return {
    kata,
    done: tests.length > 0 && failed.length === 0 && broken.length === 0,
    failed: failed.length + broken.length,
    total: tests.length,
    ...(firstFailure ? { firstFailure: firstFailure.split('\n')[0] } : {}),
  };
}

function progressBar(done: number, total: number, width = 30): string {
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

function readme(kata: Kata): string {
  return readFileSync(join(repoRoot, 'katas', kata.id, 'README.md'), 'utf8');
}

/** The README up to its questions: the experiment and what to observe, not the hints. */
function introduction(kata: Kata): string {
  const text = readme(kata);
  const cut = text.indexOf('## Questions');
  return (cut > 0 ? text.slice(0, cut) : text).trim();
}

function watch(kata: Kata): Promise<number> {
  if (!process.stdin.isTTY) {
    console.log(`(not a terminal: run \`npx vitest ${kata.id}\` to watch this kata)`);
    return Promise.resolve(0);
  }
  console.log(
    `\nwatching ${kata.id}: save a file under katas/${kata.id}/ to re-run the specs.\n` +
      'When every spec is green, press q, answer the questions in the README, and run\n' +
      '`npm run kata` again for the next kata.\n',
  );
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'node_modules/vitest/vitest.mjs'), `tests/${kata.id}/`],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, KATA_TARGET: 'katas' } },
  );
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 0)));
}

function showHint(kata: Kata, tier: number | undefined): void {
  const state = loadState();
  const seen = state.hintsSeen[kata.id] ?? 0;
  const next = tier ?? Math.min(seen + 1, kata.hints.length);
  if (next < 1 || next > kata.hints.length) {
    throw new InvalidArgumentError(`hint tiers are 1 to ${kata.hints.length}`);
  }
  console.log(`${kata.id} · hint ${next} of ${kata.hints.length}\n\n${kata.hints[next - 1]}\n`);
  if (next < kata.hints.length) console.log('(run the same command again for the next tier)');
  state.hintsSeen[kata.id] = Math.max(seen, next);
  saveState(state);
}

const program = new Command('kata')
  .description('Guided concurrency katas: see the race, fix it, measure the fix.')
  .showHelpAfterError();

program
  .command('next', { isDefault: true })
  .description('show progress and the current kata, then watch its specs (the default)')
  .option('--no-watch', 'print the current kata and stop')
  .action(async (options: { watch: boolean }) => {
    const statuses = checkAll();
    const done = statuses.filter((status) => status.done).length;
    console.log(`\nprogress ${progressBar(done, statuses.length)}`);
    const current = statuses.find((status) => !status.done);
    if (!current) {
      console.log('\nEvery kata is green. Run `npx vitest bench` to see what your fixes cost.');
      return;
    }
    const { kata } = current;
    console.log(`\n${'─'.repeat(72)}\n${introduction(kata)}\n${'─'.repeat(72)}`);
    console.log(`\nedit: ${kata.files.map((file) => `katas/${kata.id}/${file}`).join(', ')}`);
    console.log(
      `red:  ${current.failed} of ${current.total} specs — ${current.firstFailure ?? ''}`,
    );
    console.log('stuck? `npm run kata -- hint` shows the next hint tier.');
    if (options.watch) process.exitCode = await watch(kata);
  });

program
  .command('list')
  .description('every kata and whether your code passes its specs')
  .action(() => {
    const table = new Table({
      head: ['#', 'kata', 'experiment', 'status'],
      style: { head: [], border: [] },
    });
    checkAll().forEach((status, i) => {
      const state = status.done ? 'done' : `red: ${status.failed}/${status.total} failing`;
      table.push([String(i + 1), status.kata.id, status.kata.experiment, state]);
    });
    console.log(table.toString());
  });

program
  .command('hint')
  .description('the next hint tier for a kata (or a given tier)')
  .argument('[kata]', 'kata id or number, e.g. 01', kataArg)
  .argument('[tier]', 'hint tier 1–3', (value) => {
    const tier = Number(value);
    if (!Number.isInteger(tier)) throw new InvalidArgumentError('a tier is 1, 2 or 3');
    return tier;
  })
  .action((kata: Kata | undefined, tier: number | undefined) => {
    if (kata) return showHint(kata, tier);
    const current = checkAll().find((status) => !status.done);
    if (!current) console.log('every kata is green: no hints needed');
    else showHint(current.kata, tier);
  });

program
  .command('show')
  .description("print a kata's README")
  .argument('<kata>', 'kata id or number, e.g. 01', kataArg)
  .action((kata: Kata) => console.log(readme(kata)));

program
  .command('watch')
  .description("watch one kata's specs")
  .argument('<kata>', 'kata id or number, e.g. 01', kataArg)
  .action(async (kata: Kata) => {
    process.exitCode = await watch(kata);
  });

program
  .command('questions')
  .description("a kata's questions, to answer once it is green")
  .argument('<kata>', 'kata id or number, e.g. 01', kataArg)
  .action((kata: Kata) => {
    for (const [i, question] of kata.questions.entries()) console.log(`${i + 1}. ${question}`);
  });

await program.parseAsync();
