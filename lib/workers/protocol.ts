import type { SerializedError } from '../errors.ts';
import type { MutantHits, MutantSwitch } from './mutant-switch.ts';

/** What the host hands each worker at spawn. */
export interface WorkerBoot<D> {
  entry: string;
  index: number;
  barrier: SharedArrayBuffer;
  parties: number;
  data: D;
  /** Set only during mutation testing: the test thread's active mutant. */
  mutant?: MutantSwitch;
}

export type HostMessage = { type: 'run'; payload: unknown };

export type WorkerMessage = (
  | { type: 'ready' }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: SerializedError }
) & {
  /** Set only during mutation testing: the mutants this worker reached since its last message. */
  hits?: MutantHits;
};
