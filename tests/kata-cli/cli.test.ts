// The kata CLI on fixture katas: solved (one spec not applicable), red, not compiling, hung by
// a busy-wait, hung on a promise that never settles. Non-interactive path: no terminal.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixtureRoot, fixtures, kata, removeFixtureRoot } from './fixture-root.ts';

let root = '';
beforeAll(() => {
  root = copyFixtureRoot();
});
afterAll(() => removeFixtureRoot(root));

const noStack = (text: string) =>
  expect(text, 'a stack trace reached the learner').not.toMatch(/\n\s+at /);

// Each spec starts the CLI as a process (and `list --check` runs vitest): slow on a busy machine.
describe('npm run kata on fixture katas', { timeout: 180_000 }, () => {
  it('replay says what it needs before any failing order is recorded', async () => {
    const run = await kata(root, ['replay', '06']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("replay needs a red spec that runs fast-check's scheduler");
  });

  it('list answers from the cache, and says which katas it does not know yet', async () => {
    const run = await kata(root, ['list']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/01-solved\s+unknown/);
    expect(run.stdout).toContain('list --check');
  });

  it('list --check runs every kata and names what each one does', async () => {
    const run = await kata(root, ['list', '--check']);
    expect(run.code, run.stderr).toBe(0);
    const line = (id: string) =>
      run.stdout.split('\n').find((text) => new RegExp(`^\\s*\\d+\\s+${id}`).test(text)) ?? '';
    expect(line('01-solved')).toMatch(/green \(1 not applicable: FIXTURE_SERVER is not set/);
    expect(line('02-red')).toMatch(/red: 1 of 1 specs failing — .*lost 5 of 10 updates/);
    expect(line('03-broken')).toMatch(/does not compile: katas\/03-broken\/answer\.t/);
    expect(line('04-busy')).toMatch(/HangError: your code blocked the event loop/);
    expect(line('05-never')).toMatch(/DeadlockError: deadlock or missed wake-up/);
    expect(line('06-order')).toMatch(/red: 1 of 1 specs failing — Error: lost 1 of 2 updates/);
    expect(run.stdout).toContain('katas: 1/6 green — next: 02-red (npm run kata)');
  });

  it('report --json gives each kata in the shape of exercism results.json', async () => {
    const run = await kata(root, ['report', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report['01-solved']).toMatchObject({ version: 2, status: 'pass' });
    expect(report['01-solved'].tests).toContainEqual({
      name: 'answers 42 on the optional server too',
      status: 'pass',
      message: 'not applicable: FIXTURE_SERVER is not set: no optional server',
    });
    expect(report['02-red'].status).toBe('fail');
    expect(report['02-red'].tests[0].message).toMatch(/lost 5 of 10 updates/);
    expect(report['03-broken']).toMatchObject({ status: 'error' });
    expect(report['03-broken'].message).toMatch(
      /does not compile: katas\/03-broken\/answer\.ts:3:\d+/,
    );
    expect(report['04-busy'].tests[0].message).toMatch(
      /blocked the event loop for [\d.]+ s in tests\/04-busy\/answer\.test\.ts › takes the lock once it is released: a busy-wait/,
    );
    expect(report['05-never'].tests[0].message).toMatch(/wait\(\) after wake\(\) never settled/);
  });

  it('replay re-executes the failing order: each step with the shared value before and after', async () => {
    const run = await kata(root, ['replay', '6']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('tests/06-order/answer.test.ts › two increments lose no update');
    expect(run.stdout).toMatch(/fast-check seed 1, path "[\d:]+": re-executed, with value before/);
    // Both tasks read 0; the second write puts back the 1 the first one wrote: one update lost.
    expect(run.stdout).toMatch(/step 1 of 2: task \d resumes — read 0 {3}value: 0 → 1/);
    expect(run.stdout).toMatch(/step 2 of 2: task \d resumes — read 0 {3}value: 1 → 1/);
    expect(run.stdout).toMatch(/ step {2}task 0 +task 1 +value/);
    expect(run.stdout).toContain('then: lost 1 of 2 updates');
  });

  it('hint gives the current kata one tier at a time, and takes 02, 2 or 02-red', async () => {
    const first = await kata(root, ['hint']);
    expect(first.stdout).toContain('02-red · hint 1 of 3');
    expect(first.stdout).toContain('02-red hint one');
    expect((await kata(root, ['hint'])).stdout).toContain('02-red · hint 2 of 3');
    expect((await kata(root, ['hint', '4', '3'])).stdout).toContain('04-busy hint three');
    expect((await kata(root, ['hint', '05-never'])).stdout).toContain('05-never · hint 1 of 3');
  });

  it('a bad kata or tier is a one-line error and the usage, exit 2, no stack trace', async () => {
    const run = await kata(root, ['hint', '9']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toMatch(/no kata "9"; name one as 03, 3 or 03-mutex/);
    expect(run.stderr).toContain('usage: npm run kata -- <command>');
    noStack(run.stderr);
    const tier = await kata(root, ['hint', '2', '7']);
    expect(tier.code).toBe(2);
    expect(tier.stderr).toContain('a hint tier is 1, 2 or 3');
  });

  it('show prints the README without the hint tiers', async () => {
    const run = await kata(root, ['show', '2']);
    expect(run.stdout).toContain('The experiment of 02-red');
    expect(run.stdout).toContain('02-red question one?');
    expect(run.stdout).not.toContain('hint one');
  });

  it('solution shows the reference only once the kata is green', async () => {
    const green = await kata(root, ['solution', '01']);
    expect(green.code).toBe(0);
    expect(green.stdout).toContain(
      readFileSync(join(root, 'solutions/01-solved/answer.ts'), 'utf8'),
    );
    const red = await kata(root, ['solution', '02-red']);
    expect(red.code).toBe(1);
    expect(red.stdout).toMatch(/shown once your code is green \(red: 1 of 1 specs failing/);
    expect(red.stdout).not.toContain('updates;');
  });

  it('next without a terminal prints the current kata and exits 1 while it is red', async () => {
    const run = await kata(root, ['next']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('progress [');
    expect(run.stdout).toContain('edit: katas/02-red/answer.ts');
    expect(run.stdout).toMatch(/red: {2}1 of 1 specs — .*lost 5 of 10 updates/);
  });

  it('in CI a skipped spec is no longer "not applicable": the solved kata is red', async () => {
    const run = await kata(root, ['next'], { CI: 'true' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('edit: katas/01-solved/answer.ts');
    expect(run.stdout).toContain('CI: every spec must run');
  });

  it('reset asks for --yes without a terminal, then backs up and restores the stub', async () => {
    const file = join(root, 'katas/02-red/answer.ts');
    const stub = readFileSync(join(fixtures, 'root/katas/02-red/answer.ts'), 'utf8');
    const mine = 'export const count = (updates: number): number => updates; // mine\n';
    writeFileSync(file, mine);
    expect((await kata(root, ['list'])).stdout, 'an edit must invalidate the result').toMatch(
      /02-red\s+unknown/,
    );
    const refused = await kata(root, ['reset', '02']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes');
    expect(readFileSync(file, 'utf8')).toBe(mine);
    const run = await kata(root, ['reset', '02', '--yes']);
    expect(run.code, run.stderr).toBe(0);
    const backup = /your files: (\S+)\//.exec(run.stdout)?.[1];
    expect(backup).toBeDefined();
    expect(readFileSync(join(root, backup!, 'answer.ts'), 'utf8')).toBe(mine);
    expect(readFileSync(file, 'utf8')).toBe(stub);
  });
});
