// `npm run kata -- replay <kata>` re-executes the recorded failing order: vitest runs the one
// spec that failed, and fast-check replays only its counterexample (the recorded seed and
// path, no shrinking; lib/interleavings/fast-check-setup.ts) while the spec's traced scheduler
// reads the shared value before every step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ReplayRecord, ReplayRequest } from '../interleavings/fast-check-setup.ts';
import { learnerEnv, vitestBin } from './check.ts';
import { stateDir } from './root.ts';

export type Rerun =
  | { kind: 'replayed'; replay: ReplayRecord }
  /** The spec passed: the learner's code no longer fails in that order. */
  | { kind: 'passes' }
  | { kind: 'error'; why: string };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function rerunReplay(root: string, recorded: ReplayRecord): Rerun {
  mkdirSync(stateDir(root), { recursive: true });
  const out = join(stateDir(root), `replay-${process.pid}.json`);
  rmSync(out, { force: true });
  const request: ReplayRequest = { path: recorded.path, out };
  // vitest's -t matches the spec's names joined by spaces; the record has them joined by ' > '.
  const name = recorded.spec.split(' > ').join(' ');
  const run = spawnSync(
    process.execPath,
    [vitestBin, 'run', '--reporter=dot', recorded.file, '-t', escapeRegExp(name)],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      env: learnerEnv({ KATA_REPLAY: JSON.stringify(request) }),
    },
  );
  if (existsSync(out)) {
    const replay = JSON.parse(readFileSync(out, 'utf8')) as ReplayRecord;
    rmSync(out, { force: true });
    return { kind: 'replayed', replay };
  }
  if (run.status === 0) return { kind: 'passes' };
  const why = (run.stderr ?? '').trim().split('\n').slice(-5).join('\n');
  return { kind: 'error', why: `vitest exited with ${run.status ?? run.signal}\n${why}` };
}
