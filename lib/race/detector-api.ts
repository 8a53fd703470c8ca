// The interface between the race detector's core (kata 08: katas/ or solutions/
// 08-race-detector/detector.ts) and the instrumentation in lib/race/ that feeds it.
// The instrumentation says who did what, when and where; the core decides what races.

/** A logical task: what `race.go(fn)` started. 0 is the main program. */
export type TaskId = number;

/**
 * A synchronous run of JavaScript between two `await`s. Turns only grow, and two accesses
 * of one task are in the same turn exactly when they carry the same number.
 */
export type Turn = number;

/** What was accessed: `"store:hits"`, `"albums.length"`, `"byId[7]"`. */
export type Location = string;

/** A lock or a channel: any value that identifies it (the object itself is fine). */
export type SyncObject = unknown;

/** Where an access happened. `key` tells two sites apart cheaply; the rest is for the report. */
export interface Site {
  readonly key: string;
}

export type AccessKind = 'read' | 'write';

export interface Access<S extends Site = Site> {
  kind: AccessKind;
  task: TaskId;
  turn: Turn;
  location: Location;
  site: S;
}

/** Two accesses to one location, from different tasks, that happens-before does not order. */
export interface Race<S extends Site = Site> {
  location: Location;
  /** The access that revealed the race (Go's first block: "Write at … by goroutine N"). */
  current: Access<S>;
  /** The access it races with ("Previous read at … by goroutine M"). */
  previous: Access<S>;
}

/** What the stub, the reference and every wrong answer implement. */
export interface HappensBeforeDetector<S extends Site = Site> {
  /** `parent` starts `child`: everything `parent` did so far happens before all of `child`. */
  fork(parent: TaskId, child: TaskId): void;
  /** `parent` goes on after `child` ended: all of `child` happens before what `parent` does next. */
  join(child: TaskId, parent: TaskId): void;
  /** `task` unlocks, sends, or stores atomically: what it did so far is published on `sync`. */
  release(task: TaskId, sync: SyncObject): void;
  /** `task` locks, receives, or loads atomically: it sees everything published on `sync`. */
  acquire(task: TaskId, sync: SyncObject): void;
  read(task: TaskId, turn: Turn, location: Location, site: S): void;
  write(task: TaskId, turn: Turn, location: Location, site: S): void;
  /** The races found so far, each pair of sites once, in the order they were found. */
  races(): Race<S>[];
  /**
   * Optional: `task` has ended and will access nothing more, so reads that only a later
   * write of its own could complete can be dropped. Keeps a long run (a server) bounded.
   */
  end?(task: TaskId): void;
}
