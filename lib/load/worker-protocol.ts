import type { SerializedError } from '../errors.ts';
import type { IntervalReport, RunnerPlan } from './runner.ts';

/** What a load worker thread gets at spawn (`entry` is for lib/workers/bootstrap.mjs). */
export interface LoadWorkerData {
  entry: string;
  plan: RunnerPlan;
  scenarioPath: string;
  thread: number;
}

export type ToLoadWorker = { type: 'start' } | { type: 'stop' };

export type FromLoadWorker =
  | { type: 'ready' }
  | { type: 'report'; report: IntervalReport }
  | { type: 'done' }
  | { type: 'error'; error: SerializedError };
