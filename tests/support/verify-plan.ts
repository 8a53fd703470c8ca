// The verifier's plan: which specs run against which target. Shared by the verifier,
// vitest.config.ts (one project per run) and the reporter.
import type { TargetSelection } from '../../lib/target/target.ts';

export type RunKind = 'reference' | 'stub' | 'wrong' | 'rerun' | 'repository' | 'learner';

export interface PlannedRun {
  /** Unique project name, e.g. `wrong:01-lost-updates:increment.lock-around-read`. */
  name: string;
  kind: RunKind;
  kata: string;
  include: string[];
  selection: TargetSelection;
}

export interface VerifyPlan {
  runs: PlannedRun[];
}

export type TestState = 'passed' | 'failed' | 'skipped' | 'pending';

export interface RecordedTest {
  file: string;
  name: string;
  state: TestState;
  errors: string[];
  note?: string;
}

export interface RecordedRun {
  name: string;
  tests: RecordedTest[];
  /** Errors outside any test: a file that failed to load, a failing hook. */
  moduleErrors: string[];
  durationMs: number;
}

/** Spec files whose result depends on real threads or timing: re-run on the reference. */
export const REPEATED_SPEC = /\.(threads|timing)\.test\.ts$/;
export const VERIFY_RUNS = 3;
/**
 * Spec files at once: four on two cores, because much of the specs' time is spent waiting on
 * child processes, servers, databases and browsers, and in each file's start-up. Two workers
 * took 167 s where three took 146 s; three took 155–167 s where four took 144–158 s.
 */
export const VERIFY_MAX_WORKERS = 4;
