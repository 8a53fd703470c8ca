// The album service as a user runs it: `scripts/serve.ts` in a process of its own, so a spec
// can signal it, kill it and start it again on the same data.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { repoRoot } from '../../lib/target/target.ts';

export interface ServeProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>` once it listens. */
  readonly url: string;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
}

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Spawns `command` (node scripts/serve.ts by default) with `args` and waits up to `startMs`
 * (PGlite alone takes seconds to open on a busy machine)
 * for its "listening on" line. Killed with SIGKILL when the spec ends, if still running.
 */
export function startServe(
  args: string[],
  {
    command = [process.execPath, '--import', 'tsx', join(repoRoot, 'scripts', 'serve.ts')],
    detached = false,
    startMs = 45_000,
  }: { command?: string[]; detached?: boolean; startMs?: number } = {},
): Promise<ServeProcess> {
  const [file, ...before] = command;
  const child = spawn(file!, [...before, ...args], {
    cwd: repoRoot,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not listen within ${startMs} ms:\n${output}`)),
      startMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before listening:\n${output}`));
    });
  });
}

/** Waits up to `ms` for the process to exit; fails naming what it printed. */
export async function exitWithin(serve: ServeProcess, ms: number): Promise<number | string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`the service did not exit within ${ms} ms of the signal:\n${serve.output()}`),
        ),
      ms,
    );
  });
  return Promise.race([serve.exited, late]).finally(() => clearTimeout(timer));
}
