// `npm run kata -- replay <kata>`: the last failing order that fast-check's scheduler found in
// the kata's specs (recorded by fast-check-setup.ts), re-executed (lib/kata-cli/replay-run.ts)
// so every step shows the shared value before and after it, then shown one step at a time. On
// a terminal each key shows the next step (q stops); otherwise every step is printed in turn.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplayRecord } from './fast-check-setup.ts';
import { change, renderSteps } from './render.ts';

export const replayFile = (root: string, kata: string) =>
  join(root, '.verify', 'replays', `${kata}.json`);

export function readReplay(root: string, kata: string): ReplayRecord | undefined {
  const file = replayFile(root, kata);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReplayRecord) : undefined;
}

const narrate = (replay: ReplayRecord, i: number) => {
  const step = replay.steps[i]!;
  const who = step.task === undefined ? 'a scheduled await' : `task ${step.task}`;
  const moved = replay.shared && change(replay.shared, i);
  return (
    `step ${i + 1} of ${replay.steps.length}: ${who} resumes — ${step.what}` +
    (moved ? `   ${replay.shared!.name}: ${moved}` : '')
  );
};

export function header(replay: ReplayRecord): string {
  const what = replay.shared
    ? `re-executed, with ${replay.shared.name} before → after each step`
    : 'the order it found (this spec names no shared value to show)';
  return (
    `${replay.file} › ${replay.spec.split(' > ').join(' › ')}\n` +
    `fast-check seed ${replay.seed}, path "${replay.path}": ${what}\n`
  );
}

/**
 * The failure's first line. When the spec's own message already names what went wrong, the
 * matcher's wording after it ("expected 2 to be 3 // Object.is equality") is left out.
 */
export function outcome(failure: string): string {
  const first = failure.split('\n')[0] ?? '';
  const named = first.replace(/: expected .* \/\/ Object\.is equality$/, '');
  return named === first || /^\w*Error$/.test(named) || named.trim() === '' ? first : named;
}

const table = (replay: ReplayRecord, upTo?: number) =>
  renderSteps(replay.steps, upTo ?? replay.steps.length, replay.shared);

export function printReplay(replay: ReplayRecord, write: (text: string) => void): void {
  write(header(replay));
  for (let i = 0; i < replay.steps.length; i++) write(`${narrate(replay, i)}\n`);
  write(`\n${table(replay)}\n\nthen: ${outcome(replay.failure)}\n`);
}

/** On a terminal: the table grows by one step per key press. */
export function stepThrough(replay: ReplayRecord): Promise<void> {
  const stdin = process.stdin;
  let shown = 0;
  const show = () => {
    process.stdout.write('\u001b[2J\u001b[H');
    process.stdout.write(header(replay));
    process.stdout.write(`\n${table(replay, shown)}\n\n`);
    if (shown > 0) process.stdout.write(`${narrate(replay, shown - 1)}\n`);
    process.stdout.write(
      shown < replay.steps.length
        ? 'any key: next step · q: quit\n'
        : `then: ${outcome(replay.failure)}\n`,
    );
  };
  return new Promise((resolve) => {
    const done = () => {
      stdin.setRawMode(false);
      stdin.pause();
      resolve();
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', (key: string) => {
      if (key === 'q' || key === '\u0003' || shown >= replay.steps.length) return done();
      shown++;
      show();
    });
    stdin.resume();
    show();
  });
}
