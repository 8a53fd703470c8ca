// `npm run kata -- replay <kata>`: the last failing order that fast-check's scheduler found in
// the kata's specs (recorded by fast-check-setup.ts), one step at a time. On a terminal each
// key shows the next step (q stops); otherwise every step is printed in turn.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplayRecord } from './fast-check-setup.ts';
import { renderSteps } from './render.ts';

export const replayFile = (root: string, kata: string) =>
  join(root, '.verify', 'replays', `${kata}.json`);

export function readReplay(root: string, kata: string): ReplayRecord | undefined {
  const file = replayFile(root, kata);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReplayRecord) : undefined;
}

const narrate = (replay: ReplayRecord, i: number) => {
  const step = replay.steps[i]!;
  const who = step.task === undefined ? 'a scheduled await' : `task ${step.task}`;
  return `step ${i + 1} of ${replay.steps.length}: ${who} resumes — ${step.what}`;
};

export function header(replay: ReplayRecord): string {
  return (
    `${replay.file} › ${replay.spec}\n` +
    `fast-check seed ${replay.seed}, path "${replay.path}": the order it found, replayed\n`
  );
}

export function printReplay(replay: ReplayRecord, write: (text: string) => void): void {
  write(header(replay));
  for (let i = 0; i < replay.steps.length; i++) write(`${narrate(replay, i)}\n`);
  write(`\n${renderSteps(replay.steps)}\n\nthen: ${replay.failure.split('\n')[0]}\n`);
}

/** On a terminal: the table grows by one step per key press. */
export function stepThrough(replay: ReplayRecord): Promise<void> {
  const stdin = process.stdin;
  let shown = 0;
  const show = () => {
    process.stdout.write('\u001b[2J\u001b[H');
    process.stdout.write(header(replay));
    process.stdout.write(`\n${renderSteps(replay.steps, shown)}\n\n`);
    if (shown > 0) process.stdout.write(`${narrate(replay, shown - 1)}\n`);
    process.stdout.write(
      shown < replay.steps.length
        ? 'any key: next step · q: quit\n'
        : `then: ${replay.failure.split('\n')[0]}\n`,
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
