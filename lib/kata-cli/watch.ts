// Watch mode with the keyboard owned by the CLI. vitest runs the kata's specs in watch mode
// as a child whose stdin is not ours, so it takes no keys; every run it ends writes the kata's
// result (results-reporter.ts), which this loop reads. Keys: h next hint tier, l list,
// n next kata, r rerun, q quit. A child blocked for good is killed, never waited for.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';
import type { Kata } from '../target/manifest.ts';
import { learnerEnv, resultsReporter, vitestBin } from './check.ts';
import { type KataResult, verdictOf } from './results.ts';
import { stateDir } from './root.ts';

export interface WatchHooks {
  /** Called after every run of the watched kata's specs. */
  onResult(kata: Kata, result: KataResult): void;
  hint(kata: Kata): void;
  list(): void;
  /** The kata to move to on `n`, or undefined when every kata is green. */
  next(current: Kata): Kata | undefined;
}

export const KEYS = 'keys: h next hint · l list · n next kata · r rerun · q quit';

export function watchKatas(root: string, first: Kata, hooks: WatchHooks): Promise<number> {
  const resultsFile = join(stateDir(root), `watch-${process.pid}.json`);
  mkdirSync(stateDir(root), { recursive: true });
  let kata = first;
  let child: ChildProcess | undefined;

  const stopChild = () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    running.kill('SIGTERM');
    setTimeout(() => running.exitCode === null && running.kill('SIGKILL'), 1000).unref();
  };

  const startChild = () => {
    rmSync(resultsFile, { force: true });
    process.stdout.write(
      `\nwatching ${kata.id}: save any file under katas/${kata.id}/ to rerun its specs\n${KEYS}\n`,
    );
    child = spawn(
      process.execPath,
      [
        vitestBin,
        '--watch',
        `--reporter=default`,
        `--reporter=${resultsReporter}`,
        `tests/${kata.id}/`,
      ],
      {
        cwd: root,
        stdio: ['pipe', 'inherit', 'inherit'],
        env: learnerEnv({ KATA_RESULTS_FILE: resultsFile, FORCE_COLOR: '1' }),
      },
    );
  };

  const readResult = () => {
    if (!existsSync(resultsFile)) return;
    try {
      const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as KataResult[];
      const result = results.find((entry) => entry.id === kata.id);
      if (result) {
        hooks.onResult(kata, result);
        process.stdout.write(`${KEYS}\n`);
      }
    } catch {
      // Half-written: the next change event reads it whole.
    }
  };

  return new Promise((resolve) => {
    watchFile(resultsFile, { interval: 150 }, (now, before) => {
      if (now.mtimeMs !== before.mtimeMs && now.mtimeMs > 0) readResult();
    });
    const stdin = process.stdin;
    const finish = (code: number) => {
      unwatchFile(resultsFile);
      stopChild();
      if (stdin.isTTY) stdin.setRawMode(false);
      stdin.pause();
      rmSync(resultsFile, { force: true });
      resolve(code);
    };
    if (stdin.isTTY) stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', (key: string) => {
      switch (key) {
        case 'q':
        case '\u0003': // Ctrl-C
          return finish(0);
        case 'h':
          return hooks.hint(kata);
        case 'l':
          return hooks.list();
        case 'r':
          stopChild();
          return startChild();
        case 'n': {
          const next = hooks.next(kata);
          if (!next) {
            process.stdout.write('\nevery kata is green: nothing to move on to\n');
            return;
          }
          kata = next;
          stopChild();
          return startChild();
        }
        default:
          process.stdout.write(`${KEYS}\n`);
      }
    });
    stdin.resume();
    startChild();
  });
}

export const isGreen = (result: KataResult) => verdictOf(result) === 'green';
