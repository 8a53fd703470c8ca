import type { SerializedError } from '../errors.ts';

/** What the host hands each worker at spawn. */
export interface WorkerBoot<D> {
  entry: string;
  index: number;
  barrier: SharedArrayBuffer;
  parties: number;
  data: D;
}

export type HostMessage = { type: 'run'; payload: unknown };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; value: unknown }
  | { type: 'error'; error: SerializedError };
