import type { SerializedError } from '../errors.ts';
import type { TargetSelection } from '../target/target.ts';
import type { IntervalReport, RunnerPlan } from './runner.ts';

/** What a load worker thread gets at spawn (`entry` is for lib/workers/bootstrap.mjs). */
export interface LoadWorkerData {
  entry: string;
  plan: RunnerPlan;
  scenarioPath: string;
  /** The switch's choice for kata 10's statistics, the same in every thread. */
  target: TargetSelection;
  thread: number;
}

export type ToLoadWorker = { type: 'start' } | { type: 'stop' };

export type FromLoadWorker =
  | { type: 'ready' }
  | { type: 'report'; report: IntervalReport }
  | { type: 'done' }
  | { type: 'error'; error: SerializedError };
