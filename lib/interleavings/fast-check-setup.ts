// vitest setup file: fast-check's failures, readable. The failed assertion (which names the
// phenomenon) comes first, then the failing order as numbered steps, one column per task,
// then how to replay it. The learner's failures are kept for `npm run kata -- replay`.
// With KATA_REPLAY (set by `replay`), fast-check re-executes the recorded counterexample only
// (its seed and path, no shrinking) and the run's readings of the shared value are written out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { LEARNER_TARGET } from '../target/target.ts';
import { renderSteps } from './render.ts';
import { parseSteps } from './steps.ts';
import { readings, type SharedReadings } from './trace.ts';

export interface ReplayRecord {
  file: string;
  spec: string;
  seed: number;
  path: string;
  failure: string;
  steps: ReturnType<typeof parseSteps>;
  /** The shared value before and after each step: only from a replay's re-execution. */
  shared?: SharedReadings;
}

/** What `replay` asks of this run: the counterexample's path, and where to write what it saw. */
export interface ReplayRequest {
  path: string;
  out: string;
}

const replaying = process.env.KATA_REPLAY
  ? (JSON.parse(process.env.KATA_REPLAY) as ReplayRequest)
  : undefined;

const learner =
  (process.env.KATA_TARGET ?? LEARNER_TARGET) === LEARNER_TARGET && !process.env.KATA_SUBSTITUTE;

function record(replay: ReplayRecord): void {
  const kata = /^tests\/(\d\d-[^/]+)\//.exec(replay.file)?.[1];
  if (!learner || !kata) return;
  const dir = join(process.cwd(), '.verify', 'replays');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${kata}.json`), JSON.stringify(replay, null, 2));
}

fc.configureGlobal({
  ...(replaying ? { path: replaying.path, endOnFailure: true } : {}),
  reporter: (details) => {
    if (!details.failed) return;
    const scheduler = ((details.counterexample ?? []) as unknown[]).find(
      (value) =>
        typeof value === 'object' && value !== null && String(value).includes('schedulerFor'),
    );
    const steps = scheduler ? parseSteps(String(scheduler)) : [];
    const cause = details.errorInstance as Error | undefined;
    const failure = cause?.message ?? String(cause);
    if (steps.length === 0) {
      throw new Error(
        `${failure}\nfast-check counterexample (seed ${details.seed}, path "${details.counterexamplePath}"): ` +
          `${fc.stringify(details.counterexample)}`,
        { cause },
      );
    }
    const state = expect.getState();
    const file = relative(process.cwd(), state.testPath ?? '');
    const kata = /^tests\/(\d\d)-/.exec(file)?.[1];
    const replay: ReplayRecord = {
      file,
      spec: state.currentTestName ?? '',
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      failure,
      steps,
    };
    if (replaying) {
      // The re-executed counterexample: its readings of the shared value go to `replay`.
      const shared = readings();
      writeFileSync(replaying.out, JSON.stringify({ ...replay, ...(shared ? { shared } : {}) }));
    } else {
      record(replay);
    }
    throw new Error(
      `${failure.split('\n')[0]}\n\nThe failing order, one column per task (fast-check seed ${details.seed}, ` +
        `path "${details.counterexamplePath}"):\n${renderSteps(steps)}` +
        (kata ? `\n\nStep through it: npm run kata -- replay ${kata}` : ''),
      { cause },
    );
  },
});
