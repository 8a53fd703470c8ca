// Locks and channels under the detector, wrapped from outside so katas 03, 04 and 07 keep
// their APIs. Each wrapper only adds the happens-before edges of Go's memory model:
// - Mutex: an unlock happens before the next lock returns.
// - RWMutex: a writer's unlock happens before every later lock and rlock; a reader's runlock
//   happens before the next writer's lock.
// - Channel: a send happens before the receive that gets the value completes, and a receive
//   happens before the send it took completes. Both edges are added for every channel, so a
//   buffered channel is treated as more synchronizing than Go's: that may hide a race, it
//   never invents one.
// - Select (`trackSelect`): the case that runs gives the edges of that send or receive. The
//   release must come before the select starts (a partner may complete it at once), when the
//   winner is not known yet, so every case releases; only the winner acquires. Releasing on a
//   channel that was not used only adds order: it may hide a race, never invent one.

import type { RaceRuntime } from './runtime.ts';

type Release = () => void;

interface MutexLike {
  readonly isLocked: boolean;
  lock(signal?: AbortSignal): Promise<Release>;
  tryLock(): Release | undefined;
  unlock(): void;
}

interface RWMutexLike {
  readonly isLocked: boolean;
  rlock(): Promise<Release>;
  runlock(): void;
  lock(): Promise<Release>;
  unlock(): void;
}

export interface TrackedMutex extends MutexLike {
  runExclusive<T>(fn: () => T | Promise<T>): Promise<T>;
}

export interface TrackedRWMutex extends RWMutexLike {
  runRead<T>(fn: () => T | Promise<T>): Promise<T>;
  runWrite<T>(fn: () => T | Promise<T>): Promise<T>;
}

/** A release that reports to the detector once, then releases the real lock. */
function reported(race: RaceRuntime, sync: object, release: Release): Release {
  let done = false;
  return () => {
    if (!done) race.release(sync);
    done = true;
    release();
  };
}

async function holding<T>(lock: Promise<Release>, fn: () => T | Promise<T>): Promise<T> {
  const release = await lock;
  try {
    return await fn();
  } finally {
    release();
  }
}

export function trackMutex(race: RaceRuntime, mutex: MutexLike): TrackedMutex {
  const sync = {};
  const tracked: TrackedMutex = {
    get isLocked() {
      return mutex.isLocked;
    },
    async lock(signal) {
      const release = await mutex.lock(signal);
      race.acquire(sync);
      return reported(race, sync, release);
    },
    tryLock() {
      const release = mutex.tryLock();
      if (!release) return undefined;
      race.acquire(sync);
      return reported(race, sync, release);
    },
    unlock() {
      race.release(sync);
      mutex.unlock();
    },
    runExclusive: (fn) => holding(tracked.lock(), fn),
  };
  return tracked;
}

export function trackRWMutex(race: RaceRuntime, rw: RWMutexLike): TrackedRWMutex {
  const written = {};
  const read = {};
  const tracked: TrackedRWMutex = {
    get isLocked() {
      return rw.isLocked;
    },
    async rlock() {
      const release = await rw.rlock();
      race.acquire(written);
      return reported(race, read, release);
    },
    runlock() {
      race.release(read);
      rw.runlock();
    },
    async lock() {
      const release = await rw.lock();
      race.acquire(written);
      race.acquire(read);
      return reported(race, written, release);
    },
    unlock() {
      race.release(written);
      rw.unlock();
    },
    runRead: (fn) => holding(tracked.rlock(), fn),
    runWrite: (fn) => holding(tracked.lock(), fn),
  };
  return tracked;
}

export interface Received<T> {
  value: T | undefined;
  ok: boolean;
}

export interface ChannelLike<T> {
  send(value: T, options?: { signal?: AbortSignal }): Promise<void>;
  recv(options?: { signal?: AbortSignal }): Promise<Received<T>>;
  trySend(value: T): boolean;
  tryRecv(): Received<T> | undefined;
  close(): void;
}

/** A tracked channel's real channel and its two sync objects, for `trackSelect`. */
interface ChannelEdges {
  channel: unknown;
  sent: object;
  taken: object;
}

const edgesOf = new WeakMap<object, ChannelEdges>();

export function trackChannel<T>(race: RaceRuntime, channel: ChannelLike<T>): ChannelLike<T> {
  const sent = {};
  const taken = {};
  const tracked: ChannelLike<T> = {
    async send(value, options) {
      race.release(sent);
      await channel.send(value, options);
      race.acquire(taken);
    },
    async recv(options) {
      race.release(taken);
      const received = await channel.recv(options);
      race.acquire(sent);
      return received;
    },
    trySend(value) {
      race.release(sent);
      const delivered = channel.trySend(value);
      if (delivered) race.acquire(taken);
      return delivered;
    },
    tryRecv() {
      race.release(taken);
      const received = channel.tryRecv();
      if (received) race.acquire(sent);
      return received;
    },
    close() {
      // Go: a close happens before a receive that returns because the channel is closed.
      race.release(sent);
      channel.close();
    },
  };
  edgesOf.set(tracked, { channel, sent, taken });
  return tracked;
}

/** Kata 07's select cases, over channels of type `C`. */
export type SelectCaseOf<C> = { recv: C | null } | { send: C | null; value: unknown };

// biome-ignore lint/suspicious/noExplicitAny: cases mix channels of different element types
export type TrackedSelectCase = SelectCaseOf<ChannelLike<any>>;

export interface SelectedCase {
  /** The case that ran; -1 for the default. */
  index: number;
  value?: unknown;
  ok?: boolean;
}

/** Kata 07's `select`: it takes the real channels, whatever their type. */
type RealSelect<O> = (
  // biome-ignore lint/suspicious/noExplicitAny: the real select's own case type
  cases: readonly SelectCaseOf<any>[],
  options?: O,
) => Promise<SelectedCase>;

export type TrackedSelect<O> = (
  cases: readonly TrackedSelectCase[],
  options?: O,
) => Promise<SelectedCase>;

/**
 * Kata 07's `select`, over channels made by `trackChannel`: each case is handed to the real
 * select with the real channel, and the case that runs gets the edges of its send or receive.
 */
export function trackSelect<O>(race: RaceRuntime, select: RealSelect<O>): TrackedSelect<O> {
  return async (cases, options) => {
    const edges = cases.map((c) => {
      const tracked = 'send' in c ? c.send : c.recv;
      if (tracked === null) return undefined;
      const found = edgesOf.get(tracked);
      if (!found) throw new TypeError('select: every channel must come from trackChannel');
      return found;
    });
    const real = cases.map((c, index): SelectCaseOf<unknown> => {
      const channel = edges[index]?.channel ?? null;
      return 'send' in c ? { send: channel, value: c.value } : { recv: channel };
    });
    for (const [index, c] of cases.entries()) {
      const edge = edges[index];
      if (edge) race.release('send' in c ? edge.sent : edge.taken);
    }
    const selected = await select(real, options);
    const edge = edges[selected.index];
    if (edge) race.acquire('send' in cases[selected.index]! ? edge.taken : edge.sent);
    return selected;
  };
}
