// The load command as a user runs it: a separate node process, its exit code and output.
import { join } from 'node:path';
import { repoRoot } from '../../lib/target/target.ts';
import { type ProcessRun, runProcess } from '../support/child-process.ts';

export type CliRun = ProcessRun;

const loadScript = join(repoRoot, 'scripts', 'load.ts');

/**
 * A run is killed after this long: every thread compiles TypeScript first, and on a crowded
 * machine (load average 40 on 2 cores) a 1.5 s run with two workers took over 15 s. A spec
 * that runs the CLI sets its timeout to CLI_SPEC_TIMEOUT_MS, past the kill.
 */
export const CLI_KILL_AFTER_MS = 40_000;
export const CLI_SPEC_TIMEOUT_MS = CLI_KILL_AFTER_MS + 5_000;

export interface CliOptions {
  /** Sends SIGINT once stderr matches. */
  interruptWhen?: RegExp;
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** SIGKILL after this long: a hung run fails instead of hanging the spec. */
  killAfterMs?: number;
  /** Another command of scripts/ (`race.ts`); the load tool by default. */
  script?: string;
}

/** Runs `scripts/load.ts args…` (or another script of scripts/) as a separate process. */
export function runCli(
  args: string[],
  { interruptWhen, env = {}, killAfterMs = CLI_KILL_AFTER_MS, script }: CliOptions = {},
): Promise<CliRun> {
  const entry = script ? join(repoRoot, 'scripts', script) : loadScript;
  return runProcess(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    killAfterMs,
    interruptWhen,
  });
}
