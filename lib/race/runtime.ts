// The race detector's runtime: which task is running, which turn, and where. It feeds a
// detector core (kata 08) with fork/join/release/acquire/read/write, and keeps what the
// report needs besides: where each task was started and whether it has finished.
//
// Task identity comes from AsyncLocalStorage: `go(fn)` runs `fn` in a new task, and every
// continuation of `fn` (awaits, timers, callbacks) stays in it. Code outside any `go` is the
// main task, 0. A bare `Promise.all` creates no task: to the detector it is all one task.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { HappensBeforeDetector, Location, Race, SyncObject, TaskId } from './detector-api.ts';
import { type CapturedSite, CREATION_DEPTH, captureSite, namedSite } from './site.ts';
import { currentTurn } from './turns.ts';

export const MAIN_TASK: TaskId = 0;

export interface TaskInfo {
  id: TaskId;
  parent: TaskId;
  /** Where `go` was called; absent for the main task. */
  createdAt?: CapturedSite;
  finished: boolean;
}

export type RaceDetectorCore = HappensBeforeDetector<CapturedSite>;

interface Running {
  runtime: RaceRuntime;
  task: TaskId;
}

// One storage for every runtime: Node 20 visits each live AsyncLocalStorage on every promise
// it creates, so one per runtime (a spec makes hundreds) would slow everything down.
const running = new AsyncLocalStorage<Running>();

export class RaceRuntime {
  private readonly tasks = new Map<TaskId, TaskInfo>([
    [MAIN_TASK, { id: MAIN_TASK, parent: MAIN_TASK, finished: false }],
  ]);
  private nextTask = MAIN_TASK + 1;

  private readonly uncaptured: CapturedSite | undefined;

  /**
   * `sites: false` skips the stack capture of every access (its largest cost): each access gets
   * one shared site, so a race is still found and counted, but reported once, with no line.
   * For runs where only whether there is a race matters.
   */
  constructor(
    readonly detector: RaceDetectorCore,
    { sites = true }: { sites?: boolean } = {},
  ) {
    this.uncaptured = sites ? undefined : namedSite('<site not captured>');
  }

  /** Where the running code is: the caller's stack, or the shared site when sites are off. */
  site(): CapturedSite {
    return this.uncaptured ?? captureSite();
  }

  /** The running task. */
  task(): TaskId {
    const store = running.getStore();
    return store?.runtime === this ? store.task : MAIN_TASK;
  }

  taskInfo(task: TaskId): TaskInfo | undefined {
    return this.tasks.get(task);
  }

  /**
   * Starts `fn` as a new task, like Go's `go`. Awaiting the result joins it: the task's end
   * happens before the awaiter goes on. A task that nobody awaits is never joined.
   */
  go<T>(
    fn: () => T | PromiseLike<T>,
    createdAt: CapturedSite = captureSite(CREATION_DEPTH),
  ): PromiseLike<T> {
    const parent = this.task();
    const child = this.nextTask++;
    const info: TaskInfo = { id: child, parent, createdAt, finished: false };
    this.tasks.set(child, info);
    this.detector.fork(parent, child);
    const settled = running.run({ runtime: this, task: child }, () => {
      try {
        return Promise.resolve(fn());
      } catch (error) {
        return Promise.reject(error);
      }
    });
    const finish = () => {
      info.finished = true;
      this.detector.end?.(child);
    };
    settled.then(finish, finish);
    return {
      // Called by whoever awaits the task, in that task's context: that is who joins.
      // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, awaiting it is the join
      then: (onFulfilled, onRejected) => {
        const awaiter = this.task();
        return settled.then(
          (value) => {
            this.detector.join(child, awaiter);
            return onFulfilled ? onFulfilled(value) : (value as never);
          },
          (error: unknown) => {
            this.detector.join(child, awaiter);
            if (onRejected) return onRejected(error);
            throw error;
          },
        );
      },
    };
  }

  read(location: Location, site: CapturedSite = this.site()): void {
    this.detector.read(this.task(), currentTurn(), location, site);
  }

  write(location: Location, site: CapturedSite = this.site()): void {
    this.detector.write(this.task(), currentTurn(), location, site);
  }

  /** After a lock is taken, a message received, an atomic operation done. */
  acquire(sync: SyncObject): void {
    this.detector.acquire(this.task(), sync);
  }

  /** Before a lock is released, a message sent, an atomic operation done. */
  release(sync: SyncObject): void {
    this.detector.release(this.task(), sync);
  }

  races(): Race<CapturedSite>[] {
    return this.detector.races();
  }
}
