// A happens-before race detector for async tasks (vector clocks, FastTrack's epoch test).
//
// The rule. A synchronous turn (the code between two `await`s) runs alone, so two accesses
// in one turn never race. What races is a split read-modify-write: task T reads L in one turn
// and writes L in a later turn, and another task's write w′ to L is ordered neither before
// T's read nor after T's write. Then some schedule puts w′ between them and T's write, made
// from a stale read, erases it: a lost update. Because the verdict comes from the order the
// program guarantees, not from what this run did, it is predictive: a run that lost nothing
// still reports the race.
//
// Per task and location, it keeps the first read since the task's last write there (the read
// a later write may depend on). Per location and task, it keeps:
// - the task's last write;
// - the task's last split read-modify-write (that read and that write).
// A write checks two things: as the end of a split RMW, every other task's last write that
// could have landed inside it; and as someone else's write, every other task's split RMW it
// could have landed inside. Each pair of sites is reported once.

import type {
  Access,
  HappensBeforeDetector,
  Location,
  Race,
  Site,
  SyncObject,
  TaskId,
  Turn,
} from '../../lib/race/detector-api.ts';
import { VectorClock } from './vector-clock.ts';

/** An access and its task's clock at that moment. */
export interface Event<S extends Site = Site> {
  access: Access<S>;
  clock: VectorClock;
}

export interface SplitUpdate<S extends Site = Site> {
  read: Event<S>;
  write: Event<S>;
}

/** What one location remembers, per task. */
export class History<S extends Site = Site> {
  readonly lastWrite = new Map<TaskId, Event<S>>();
  readonly lastSplit = new Map<TaskId, SplitUpdate<S>>();
  /** The keys of every site kept above: what a write here could be reported with. */
  readonly sites = new Set<string>();
}

export class RaceDetector<S extends Site = Site> implements HappensBeforeDetector<S> {
  protected readonly clocks = new Map<TaskId, VectorClock>();
  private readonly published = new Map<SyncObject, VectorClock>();
  protected readonly histories = new Map<Location, History<S>>();
  /** Per task, per location: the first read since that task last wrote there. */
  protected readonly pendingReads = new Map<TaskId, Map<Location, Event<S>>>();
  private readonly found: Race<S>[] = [];
  /** Current site key → the previous site keys already reported with it. */
  private readonly reported = new Map<string, Set<string>>();

  fork(parent: TaskId, child: TaskId): void {
    const before = this.clockOf(parent);
    this.clocks.set(child, before.tick(child));
    // The parent's later work is not visible to the child.
    this.clocks.set(parent, before.tick(parent));
  }

  join(child: TaskId, parent: TaskId): void {
    const done = this.clockOf(child);
    this.clocks.set(parent, this.clockOf(parent).join(done));
    this.clocks.set(child, done.tick(child));
  }

  release(task: TaskId, sync: SyncObject): void {
    const clock = this.clockOf(task);
    this.published.set(sync, (this.published.get(sync) ?? VectorClock.EMPTY).join(clock));
    this.clocks.set(task, clock.tick(task));
  }

  acquire(task: TaskId, sync: SyncObject): void {
    const published = this.published.get(sync);
    if (published) this.clocks.set(task, this.clockOf(task).join(published));
  }

  read(task: TaskId, turn: Turn, location: Location, site: S): void {
    let reads = this.pendingReads.get(task);
    if (!reads) {
      reads = new Map();
      this.pendingReads.set(task, reads);
    }
    // Keep the earliest: a later read in a later turn must not hide the one the write used.
    if (!reads.has(location)) reads.set(location, this.event('read', task, turn, location, site));
  }

  write(task: TaskId, turn: Turn, location: Location, site: S): void {
    const history = this.historyOf(location);
    const write = this.event('write', task, turn, location, site);
    const reads = this.pendingReads.get(task);
    const read = reads?.get(location);
    const split = read !== undefined && this.splits(read, write);
    // Each pair of sites is reported once: a write whose site was already reported with every
    // site this location keeps can find nothing new, so the scans below are skipped.
    const fresh = !this.reportedWithAll(site.key, history.sites);
    if (split) {
      if (fresh) {
        for (const [other, earlier] of history.lastWrite) {
          if (other !== task && this.landsInside(earlier, read, write)) this.report(write, earlier);
        }
      }
      history.lastSplit.set(task, { read, write });
      history.sites.add(read.access.site.key);
    }
    if (fresh) {
      for (const [other, update] of history.lastSplit) {
        if (other === task || this.happenedBefore(update.write, write)) continue;
        this.report(write, this.happenedBefore(update.read, write) ? update.write : update.read);
      }
    }
    reads?.delete(location);
    history.lastWrite.set(task, write);
    history.sites.add(site.key);
  }

  /** An ended task writes no more: its pending reads can never become half of a race. */
  end(task: TaskId): void {
    this.pendingReads.delete(task);
  }

  races(): Race<S>[] {
    return [...this.found];
  }

  private reportedWithAll(key: string, sites: ReadonlySet<string>): boolean {
    const reported = this.reported.get(key);
    if (!reported || reported.size < sites.size) return false;
    for (const other of sites) if (!reported.has(other)) return false;
    return true;
  }

  /** Read and write in different turns: other tasks ran in between. */
  protected splits(read: Event<S>, write: Event<S>): boolean {
    return read.access.turn < write.access.turn;
  }

  /** Whether an earlier write `w` of another task may fall between `read` and `write`. */
  private landsInside(w: Event<S>, read: Event<S>, write: Event<S>): boolean {
    if (this.happenedBefore(w, read)) return false;
    return !(this.happenedBefore(read, w) && this.happenedBefore(w, write));
  }

  /** FastTrack's test: `b` knows the epoch `a`'s task was in when it made `a`. */
  protected happenedBefore(a: Event<S>, b: Event<S>): boolean {
    const task = a.access.task;
    return task === b.access.task || b.clock.knows(task, a.clock.of(task));
  }

  protected clockOf(task: TaskId): VectorClock {
    let clock = this.clocks.get(task);
    if (!clock) {
      clock = VectorClock.EMPTY.tick(task);
      this.clocks.set(task, clock);
    }
    return clock;
  }

  protected historyOf(location: Location): History<S> {
    let history = this.histories.get(location);
    if (!history) {
      history = new History();
      this.histories.set(location, history);
    }
    return history;
  }

  protected event(
    kind: Access['kind'],
    task: TaskId,
    turn: Turn,
    location: Location,
    site: S,
  ): Event<S> {
    return { access: { kind, task, turn, location, site }, clock: this.clockOf(task) };
  }

  protected report(current: Event<S>, previous: Event<S>): void {
    // Like Go, one report per pair of program locations, however often they race.
    let previousSites = this.reported.get(current.access.site.key);
    if (!previousSites) {
      previousSites = new Set();
      this.reported.set(current.access.site.key, previousSites);
    }
    if (previousSites.has(previous.access.site.key)) return;
    previousSites.add(previous.access.site.key);
    this.found.push({
      location: current.access.location,
      current: current.access,
      previous: previous.access,
    });
  }
}
