// What the host and the workers of rwmutex.worker.ts share. Four workers; each round
// gives them roles by index (see ROLES).

/** Words of the shared `scratch` buffer; the lock itself starts at word `lock`. */
export const SCRATCH = {
  readersInside: 0,
  writersInside: 1,
  /** Exclusion round: a plain counter only writers touch. */
  plainCounter: 2,
  /** Preference and starvation rounds: the step the orchestration has reached. */
  step: 3,
  /** Order in which the writer and the late reader got in. */
  ticket: 4,
  /** Starvation round: reads done, readers that entered so far, and the end of the stream. */
  reads: 5,
  entries: 6,
  stop: 7,
  lock: 8,
} as const;

/** `stop` word: the stream goes on, the writer got in, or the readers ran out of time. */
export const STOP = { running: 0, writerIn: 1, streamOver: 2 } as const;
export const WORKERS = 4;

export interface RWMutexJob {
  scratch: SharedArrayBuffer;
}

export type RWMutexRound =
  | { kind: 'overlap'; patienceMs: number }
  | { kind: 'exclusion'; times: number }
  | { kind: 'preference'; settleMs: number }
  | { kind: 'stream'; streamMs: number; askAfterReads: number }
  | { kind: 'queued'; settleMs: number; patienceMs: number };

export type Role = 'reader' | 'second reader' | 'writer' | 'late reader' | 'idle';

/** Who does what, by worker index. */
export const ROLES: Record<RWMutexRound['kind'], readonly Role[]> = {
  overlap: ['reader', 'idle', 'reader', 'idle'],
  exclusion: ['reader', 'writer', 'reader', 'writer'],
  preference: ['reader', 'writer', 'late reader', 'second reader'],
  stream: ['reader', 'writer', 'reader', 'idle'],
  queued: ['reader', 'writer', 'reader', 'reader'],
};

export interface RWMutexResult {
  /** Most readers this worker saw inside at once (overlap, queued). */
  mostReaders: number;
  /** Times this worker saw a writer together with anyone else inside (exclusion). */
  violations: number;
  /** When it got in, counted from 0 (preference), or -1. */
  ticket: number;
  /** Writer in the stream round: reads done when it asked, when it got in; did the stream end first? */
  readsWhenAsked: number;
  readsWhenGranted: number;
  streamOver: boolean;
}
