// lib/race's side of the contract: which calls the instrumentation makes, in which task and
// turn, in which order. A recording detector stands in for the core.
import { describe, expect, it } from 'vitest';
import type {
  HappensBeforeDetector,
  Location,
  Race,
  SyncObject,
  TaskId,
  Turn,
} from '../../lib/race/detector-api.ts';
import { RaceRuntime } from '../../lib/race/runtime.ts';
import type { CapturedSite } from '../../lib/race/site.ts';
import { trackArray, trackInstance, trackMap, trackObject } from '../../lib/race/tracked-proxy.ts';
import { trackStore } from '../../lib/race/tracked-store.ts';
import {
  type ChannelLike,
  trackChannel,
  trackMutex,
  trackRWMutex,
  trackSelect,
} from '../../lib/race/tracked-sync.ts';
import { currentTurn } from '../../lib/race/turns.ts';
import { SimulatedStore } from '../../lib/store/async-store.ts';
import { AsyncMutex } from '../../solutions/03-mutex/async-mutex.ts';
import { AsyncRWMutex } from '../../solutions/04-rwmutex/async-rwmutex.ts';
import { Channel, select } from '../../solutions/07-channels/channel.ts';

/** Every call as a line: "fork 0 1", "read 1 t2 store:n", "release 1 lock". */
class Recorder implements HappensBeforeDetector<CapturedSite> {
  readonly calls: string[] = [];
  readonly sites: CapturedSite[] = [];
  private readonly names = new Map<SyncObject, string>();
  private readonly turns = new Map<Turn, number>();

  name(sync: SyncObject): string {
    if (typeof sync === 'string') return sync;
    if (!this.names.has(sync)) this.names.set(sync, `sync${this.names.size}`);
    return this.names.get(sync)!;
  }

  /** Turns renumbered from 1 in order of appearance, so the lines do not depend on history. */
  turn(turn: Turn): string {
    if (!this.turns.has(turn)) this.turns.set(turn, this.turns.size + 1);
    return `t${this.turns.get(turn)}`;
  }

  fork(parent: TaskId, child: TaskId) {
    this.calls.push(`fork ${parent} ${child}`);
  }
  join(child: TaskId, parent: TaskId) {
    this.calls.push(`join ${child} ${parent}`);
  }
  release(task: TaskId, sync: SyncObject) {
    this.calls.push(`release ${task} ${this.name(sync)}`);
  }
  acquire(task: TaskId, sync: SyncObject) {
    this.calls.push(`acquire ${task} ${this.name(sync)}`);
  }
  read(task: TaskId, turn: Turn, location: Location, site: CapturedSite) {
    this.calls.push(`read ${task} ${this.turn(turn)} ${location}`);
    this.sites.push(site);
  }
  write(task: TaskId, turn: Turn, location: Location, site: CapturedSite) {
    this.calls.push(`write ${task} ${this.turn(turn)} ${location}`);
    this.sites.push(site);
  }
  races(): Race<CapturedSite>[] {
    return [];
  }
  end(task: TaskId) {
    this.calls.push(`end ${task}`);
  }
}

function recorded() {
  const recorder = new Recorder();
  return { recorder, race: new RaceRuntime(recorder) };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('turns', () => {
  it('one number for a synchronous run, a larger one after every await', async () => {
    const first = currentTurn();
    expect(currentTurn()).toBe(first);
    await null;
    const second = currentTurn();
    expect(second).toBeGreaterThan(first);
    expect(currentTurn()).toBe(second);
    await null;
    expect(currentTurn()).toBeGreaterThan(second);
  });
});

describe('tasks', () => {
  it('go forks a new task from the running one; awaiting it joins; its end is reported', async () => {
    const { recorder, race } = recorded();
    expect(race.task()).toBe(0);
    let inside: TaskId | undefined;
    let nested: TaskId | undefined;
    const value = await race.go(async () => {
      inside = race.task();
      await tick();
      nested = await race.go(() => race.task());
      return 'done';
    });
    expect(value).toBe('done');
    expect([inside, nested]).toEqual([1, 2]);
    expect(recorder.calls).toEqual([
      'fork 0 1',
      'fork 1 2',
      'end 2',
      'join 2 1',
      'end 1',
      'join 1 0',
    ]);
    expect(race.taskInfo(1)).toMatchObject({ id: 1, parent: 0, finished: true });
    expect(race.taskInfo(2)).toMatchObject({ id: 2, parent: 1, finished: true });
    expect(race.taskInfo(0)).toMatchObject({ id: 0, finished: false });
    expect(race.taskInfo(1)?.createdAt?.frames()[0]?.where).toMatch(
      /instrumentation\.test\.ts:\d+$/,
    );
  });

  it('a running task is not finished; a task nobody awaits is never joined', async () => {
    const { recorder, race } = recorded();
    let release = () => {};
    void race.go(() => new Promise<void>((resolve) => (release = resolve)));
    await tick();
    expect(race.taskInfo(1)?.finished).toBe(false);
    release();
    await tick();
    expect(race.taskInfo(1)?.finished).toBe(true);
    expect(recorder.calls).toEqual(['fork 0 1', 'end 1']);
  });

  it('a task that throws or rejects still ends, joins its awaiter, and rethrows', async () => {
    const { recorder, race } = recorded();
    await expect(
      race.go(() => {
        throw new Error('sync boom');
      }),
    ).rejects.toThrow('sync boom');
    const handled = await race
      .go(() => Promise.reject(new Error('async boom')))
      .then(
        () => 'fulfilled',
        (error: Error) => `handled ${error.message}`,
      );
    expect(handled).toBe('handled async boom');
    expect(recorder.calls).toEqual([
      'fork 0 1',
      'end 1',
      'join 1 0',
      'fork 0 2',
      'end 2',
      'join 2 0',
    ]);
  });

  it('then without callbacks passes the value and the error through', async () => {
    const { race } = recorded();
    await expect(Promise.resolve(race.go(() => 7).then())).resolves.toBe(7);
    await expect(
      new Promise((resolve, reject) =>
        race
          .go(() => Promise.reject(new Error('no handler')))
          .then(undefined, undefined)
          .then(resolve, reject),
      ),
    ).rejects.toThrow('no handler');
  });

  it('a task started with a named site keeps it', () => {
    const { race } = recorded();
    const site = { key: 'k', frames: () => [{ fn: 'request', where: 'POST /albums' }] };
    void race.go(() => undefined, site);
    expect(race.taskInfo(1)?.createdAt).toBe(site);
  });

  it('reads and writes carry the running task and turn, and a site in the caller', async () => {
    const { recorder, race } = recorded();
    await race.go(async () => {
      race.read('x');
      race.write('x');
      await tick();
      race.write('x');
    });
    expect(recorder.calls.filter((call) => /read|write/.test(call))).toEqual([
      'read 1 t1 x',
      'write 1 t1 x',
      'write 1 t2 x',
    ]);
    expect(recorder.sites[0]!.frames()[0]?.where).toMatch(/instrumentation\.test\.ts:\d+$/);
    expect(recorder.sites[0]!.key).not.toBe(recorder.sites[1]!.key);
  });
});

describe('kata 01’s store', () => {
  it('get reads after its round trip, set writes before it, incr and CAS synchronize', async () => {
    const { recorder, race } = recorded();
    const raw = new SimulatedStore();
    const store = trackStore(race, raw);
    expect(await store.get('n')).toBe(0);
    await store.set('n', 5);
    expect(await store.incr('n')).toBe(6);
    expect(await store.compareAndSet('n', 6, 9)).toBe(true);
    expect(await store.compareAndSet('n', 6, 1)).toBe(false);
    expect(raw.peek('n')).toBe(9);
    expect(recorder.calls.map((call) => call.replace(/ t\d+/, ''))).toEqual([
      'read 0 store:n',
      'write 0 store:n',
      'release 0 store:n',
      'acquire 0 store:n',
      'release 0 store:n',
      'acquire 0 store:n',
      'release 0 store:n',
      'acquire 0 store:n',
    ]);
  });

  it('the site of a get is its caller’s line, captured before the await', async () => {
    const { recorder, race } = recorded();
    const store = trackStore(race, new SimulatedStore(), 'db');
    await store.get('k');
    expect(recorder.calls[0]).toMatch(/^read 0 t\d+ db:k$/);
    expect(recorder.sites[0]!.frames()[0]?.where).toMatch(/instrumentation\.test\.ts:\d+$/);
  });

  it('with sites off, every access gets one shared site and no stack', async () => {
    const recorder = new Recorder();
    const race = new RaceRuntime(recorder, { sites: false });
    const store = trackStore(race, new SimulatedStore(), 'db');
    await store.set('k', await store.get('k'));
    expect(recorder.sites.map((site) => site.key)).toEqual([
      '<site not captured>',
      '<site not captured>',
    ]);
    expect(recorder.sites[0]!.frames()).toEqual([
      { fn: '<anonymous>', where: '<site not captured>' },
    ]);
  });

  it('a store without incr or compareAndSet gets none', () => {
    const { race } = recorded();
    const store = trackStore(race, { get: async () => 1, set: async () => {} });
    expect('incr' in store).toBe(false);
    expect('compareAndSet' in store).toBe(false);
  });
});

describe('objects, arrays and Maps, through a Proxy', () => {
  const accesses = (recorder: Recorder) =>
    recorder.calls.map((call) => call.replace(/ 0 t\d+/, ''));

  it('a plain object: property reads and writes, deletes; method lookups are no access', () => {
    const { recorder, race } = recorded();
    const object = trackObject(race, { n: 1, hello: () => 'hi' } as Record<string, unknown>, 'o');
    object.n = (object.n as number) + 1;
    delete object.n;
    expect((object.hello as () => string)()).toBe('hi');
    expect(accesses(recorder)).toEqual(['read o.n', 'write o.n', 'write o.n']);
  });

  it('an array: push reads the length, writes the slot and the length', () => {
    const { recorder, race } = recorded();
    const array = trackArray(race, [10], 'a');
    array.push(array[0]! + 1);
    expect(array.length).toBe(2);
    expect(accesses(recorder)).toEqual([
      'read a[0]',
      'read a.length',
      'write a[1]',
      'write a.length',
      'read a.length',
    ]);
  });

  it('a Map: entries and size; iteration reads the size', () => {
    const { recorder, race } = recorded();
    const map = trackMap(race, new Map<number, string>(), 'm');
    map.set(1, 'one').set(1, 'uno');
    expect(map.get(1)).toBe('uno');
    expect(map.has(2)).toBe(false);
    expect(map.size).toBe(1);
    expect([...map.values()]).toEqual(['uno']);
    expect(map.delete(1)).toBe(true);
    expect(map.delete(1)).toBe(false);
    map.set(3, 'three');
    map.clear();
    expect(accesses(recorder)).toEqual([
      'write m.size',
      'write m[1]',
      'write m[1]',
      'read m[1]',
      'read m[2]',
      'read m.size',
      'read m.size',
      'write m.size',
      'write m[1]',
      'write m[1]',
      'write m.size',
      'write m[3]',
      'write m.size',
    ]);
  });

  it('an instance: its array and Map fields are tracked, its methods see the proxy', () => {
    const { recorder, race } = recorded();
    class Store {
      next = 1;
      readonly list: number[] = [];
      readonly byId = new Map<number, number>();
      add() {
        const id = this.next++;
        this.list.push(id);
        this.byId.set(id, id);
        return id;
      }
    }
    const store = trackInstance(race, new Store(), 's');
    expect(store.add()).toBe(1);
    expect(store).toBeInstanceOf(Store);
    expect(accesses(recorder)).toEqual([
      'read s.next',
      'write s.next',
      'read s.list',
      'read s.list.length',
      'write s.list[0]',
      'write s.list.length',
      'read s.byId',
      'write s.byId.size',
      'write s.byId[1]',
    ]);
  });
});

describe('locks and channels, wrapped from outside', () => {
  it('AsyncMutex: acquire after lock, release before unlock, once per release', async () => {
    const { recorder, race } = recorded();
    const inner = new AsyncMutex();
    const mutex = trackMutex(race, inner);
    const release = await mutex.lock();
    expect(mutex.isLocked).toBe(true);
    expect(mutex.tryLock()).toBeUndefined();
    release();
    release();
    expect(mutex.isLocked).toBe(false);
    const again = mutex.tryLock();
    expect(again).toBeDefined();
    mutex.unlock();
    expect(await mutex.runExclusive(() => (inner.isLocked ? 'inside' : 'outside'))).toBe('inside');
    expect(mutex.isLocked).toBe(false);
    expect(recorder.calls).toEqual([
      'acquire 0 sync0',
      'release 0 sync0',
      'acquire 0 sync0',
      'release 0 sync0',
      'acquire 0 sync0',
      'release 0 sync0',
    ]);
  });

  it('AsyncMutex: a runExclusive that throws releases the lock', async () => {
    const { race } = recorded();
    const mutex = trackMutex(race, new AsyncMutex());
    await expect(
      mutex.runExclusive(() => {
        throw new Error('inside');
      }),
    ).rejects.toThrow('inside');
    expect(mutex.isLocked).toBe(false);
  });

  it('AsyncRWMutex: readers see writers; writers see writers and readers', async () => {
    const { recorder, race } = recorded();
    const rw = trackRWMutex(race, new AsyncRWMutex());
    const release = await rw.lock();
    expect(rw.isLocked).toBe(true);
    release();
    release();
    const readRelease = await rw.rlock();
    readRelease();
    await rw.rlock();
    rw.runlock();
    await rw.lock();
    rw.unlock();
    expect(await rw.runRead(() => 'r')).toBe('r');
    expect(await rw.runWrite(() => 'w')).toBe('w');
    expect(rw.isLocked).toBe(false);
    const [written, read] = ['sync0', 'sync1'];
    expect(recorder.calls).toEqual([
      `acquire 0 ${written}`,
      `acquire 0 ${read}`,
      `release 0 ${written}`,
      `acquire 0 ${written}`,
      `release 0 ${read}`,
      `acquire 0 ${written}`,
      `release 0 ${read}`,
      `acquire 0 ${written}`,
      `acquire 0 ${read}`,
      `release 0 ${written}`,
      `acquire 0 ${written}`,
      `release 0 ${read}`,
      `acquire 0 ${written}`,
      `acquire 0 ${read}`,
      `release 0 ${written}`,
    ]);
  });

  it('Channel: a send publishes before it, a receive sees it; and back for the sender', async () => {
    const { recorder, race } = recorded();
    const channel = trackChannel(race, new Channel<number>(1) as unknown as ChannelLike<number>);
    await channel.send(1);
    expect(await channel.recv()).toEqual({ value: 1, ok: true });
    expect(channel.trySend(2)).toBe(true);
    expect(channel.trySend(3)).toBe(false);
    expect(channel.tryRecv()).toEqual({ value: 2, ok: true });
    expect(channel.tryRecv()).toBeUndefined();
    channel.close();
    expect(await channel.recv()).toEqual({ value: undefined, ok: false });
    const [sent, taken] = ['sync0', 'sync1'];
    expect(recorder.calls).toEqual([
      `release 0 ${sent}`,
      `acquire 0 ${taken}`,
      `release 0 ${taken}`,
      `acquire 0 ${sent}`,
      `release 0 ${sent}`,
      `acquire 0 ${taken}`,
      `release 0 ${sent}`,
      `release 0 ${taken}`,
      `acquire 0 ${sent}`,
      `release 0 ${taken}`,
      `release 0 ${sent}`,
      `release 0 ${taken}`,
      `acquire 0 ${sent}`,
    ]);
  });

  it('select: every case releases before it, only the case that ran acquires after it', async () => {
    const { recorder, race } = recorded();
    const chosen = trackSelect(race, select);
    const full = trackChannel(race, new Channel<number>(1));
    const empty = trackChannel(race, new Channel<number>(1));
    await full.send(7);
    recorder.calls.length = 0;
    // Both cases are ready (a value to take, a free slot): `random` 0 picks the first.
    expect(await chosen([{ recv: full }, { send: empty, value: 1 }], { random: () => 0 })).toEqual({
      index: 0,
      value: 7,
      ok: true,
    });
    expect(await chosen([{ recv: full }, { send: empty, value: 2 }])).toEqual({ index: 1 });
    expect(await chosen([{ recv: full }, { send: empty, value: 3 }], { default: true })).toEqual({
      index: -1,
    });
    expect(await chosen([{ recv: null }, { recv: empty }])).toEqual({
      index: 1,
      value: 2,
      ok: true,
    });
    const [fullSent, fullTaken, emptySent, emptyTaken] = ['sync0', 'sync1', 'sync2', 'sync3'];
    expect(recorder.calls).toEqual([
      `release 0 ${fullTaken}`,
      `release 0 ${emptySent}`,
      `acquire 0 ${fullSent}`,
      `release 0 ${fullTaken}`,
      `release 0 ${emptySent}`,
      `acquire 0 ${emptyTaken}`,
      `release 0 ${fullTaken}`,
      `release 0 ${emptySent}`,
      `release 0 ${emptyTaken}`,
      `acquire 0 ${emptySent}`,
    ]);
    await expect(
      chosen([{ recv: new Channel<number>() as unknown as ChannelLike<number> }]),
    ).rejects.toThrow('every channel must come from trackChannel');
  });
});
