// Locks and channels under the detector, wrapped from outside so katas 03, 04 and 07 keep
// their APIs. Each wrapper only adds the happens-before edges of Go's memory model:
// - Mutex: an unlock happens before the next lock returns.
// - RWMutex: a writer's unlock happens before every later lock and rlock; a reader's runlock
//   happens before the next writer's lock.
// - Channel: a send happens before the receive that gets the value completes, and a receive
//   happens before the send it took completes. Both edges are added for every channel, so a
//   buffered channel is treated as more synchronizing than Go's: that may hide a race, it
//   never invents one. `select` is not wrapped.

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

export function trackChannel<T>(race: RaceRuntime, channel: ChannelLike<T>): ChannelLike<T> {
  const sent = {};
  const taken = {};
  return {
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
}
