// A command as a separate process: its exit code and output, without blocking the event loop
// (the watchdog would stop a spec file that waits in spawnSync), killed after a bound the
// spec chooses so that a hung command fails instead of hanging the spec.
import { spawn } from 'node:child_process';

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ProcessOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** SIGKILL after this long. */
  killAfterMs: number;
  /** Sends SIGINT once, when stderr first matches. */
  interruptWhen?: RegExp;
}

export function runProcess(
  file: string,
  args: string[],
  { cwd, env, killAfterMs, interruptWhen }: ProcessOptions,
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
      if (interruptWhen && !interrupted && interruptWhen.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}
