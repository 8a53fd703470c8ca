// A hang, as the watchdog left it: which spec file, which spec, which verifier run. The
// killed process cannot report it, so the reporters (summary, verifier, kata CLI) read these
// records and count the spec as failed with this message.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface HangRecord {
  /** Spec file, relative to the root. */
  file: string;
  /** The running spec's full name ('' if the file hung while loading). */
  spec: string;
  /** The verifier's run (project) name, or ''. */
  runName: string;
  blockedMs: number;
  message: string;
}

export const DEFAULT_HANG_MS = 5000;

/** The threshold from KATA_HANG_MS, in milliseconds. */
export function hangThresholdMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.KATA_HANG_MS ?? DEFAULT_HANG_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_HANG_MS;
}

/** Where records go: KATA_HANG_DIR, which vitest.config.ts sets for its run. */
export function hangDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.KATA_HANG_DIR ?? join(root, '.verify', 'hangs', String(process.pid));
}

export function readHangs(dir: string): HangRecord[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(dir, name), 'utf8')) as HangRecord];
      } catch {
        return [];
      }
    });
}

export function clearHangs(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
