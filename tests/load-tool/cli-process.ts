// The load command as a user runs it: a separate node process, its exit code and output.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../lib/target/target.ts';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

const script = join(repoRoot, 'scripts', 'load.ts');

/**
 * Runs `scripts/load.ts args…` (with `env` added to this process's environment); sends SIGINT
 * once stderr matches `interruptWhen`.
 */
export function runCli(
  args: string[],
  interruptWhen?: RegExp,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
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
