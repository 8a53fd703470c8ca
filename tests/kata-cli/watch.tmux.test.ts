// Watch mode as a learner drives it: tmux runs `npm run kata -- watch 01` on the fixture katas
// and presses h, l, r, n and q. The CLI owns the keyboard; vitest never sees the keys.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inCi } from '../../lib/kata-cli/results.ts';
import { copyFixtureRoot, fixtureEnv, kataScript, removeFixtureRoot } from './fixture-root.ts';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const socket = `kata-watch-spec-${process.pid}`;
const tmux = (...args: string[]) =>
  execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'learner');

/** Waits (bounded) until the screen shows `expected`; fails with the screen otherwise. */
async function until(expected: RegExp, ms = 60_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const text = screen();
    if (expected.test(text)) return text;
    if (Date.now() > deadline) {
      throw new Error(`the screen never showed ${expected} within ${ms / 1000} s:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits (bounded) until `text` is on the screen `times` times. */
const untilSeen = (text: string, times: number) =>
  until(new RegExp(`(${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*){${times}}`));

let root = '';
beforeAll(() => {
  root = copyFixtureRoot();
});
afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
  removeFixtureRoot(root);
});

it('watch mode: the completion message, then h, l, r, n and q', {
  timeout: 240_000,
}, async (context) => {
  if (!hasTmux) {
    if (inCi()) throw new Error('tmux is missing: .ci/run installs it, and CI needs this spec');
    context.skip('tmux is not installed: the watch-mode smoke test needs it (CI installs it)');
  }
  const env = fixtureEnv(root);
  const vars = Object.entries({ KATA_ROOT: root, KATA_HANG_MS: env.KATA_HANG_MS!, PATH: env.PATH! })
    .map(([name, value]) => `${name}='${value}'`)
    .join(' ');
  const command = `cd '${root}' && env -u CI ${vars} '${process.execPath}' '${kataScript}' watch 01; echo "EXIT $?"; sleep 60`;
  tmux('new-session', '-d', '-x', '160', '-y', '50', '-s', 'learner', command);

  await until(/01-solved is green/);
  const green = await until(/Press n for the next kata/);
  expect(green).toContain('01-solved question one?');
  expect(green).toContain('npm run kata -- solution 01');
  expect(green).toMatch(/progress \[#+-*\] \d\/6/);
  expect(green).toContain('keys: h next hint');

  tmux('send-keys', '-t', 'learner', 'h');
  await until(/01-solved · hint 1 of 3/);

  // l: every kata with its last result, and the progress line.
  tmux('send-keys', '-t', 'learner', 'l');
  const list = await until(/katas: 1\/6 green — next: 02-red/);
  expect(list).toMatch(/^\s*1\s+01-solved\s+green/m);

  // r: the kata's specs run again, and the result comes again.
  tmux('send-keys', '-t', 'learner', 'r');
  await untilSeen('watching 01-solved', 2);
  await untilSeen('01-solved is green', 2);

  tmux('send-keys', '-t', 'learner', 'n');
  await until(/watching 02-red/);
  await until(/02-red: red: 1 of 1 specs failing/);

  tmux('send-keys', '-t', 'learner', 'q');
  await until(/EXIT 0/, 10_000);
});
