// Correctly synchronized programs, explored in many orders by fast-check's scheduler from a
// fixed seed: a detector that reports any of them cries wolf, and nobody reads its reports.
// The locks are the references of katas 03 and 04 (never your possibly unfinished ones).
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { RaceRuntime } from '../../lib/race/runtime.ts';
import { trackInstance, trackObject } from '../../lib/race/tracked-proxy.ts';
import { trackStore } from '../../lib/race/tracked-store.ts';
import {
  trackChannel,
  trackMutex,
  trackRWMutex,
  trackSelect,
} from '../../lib/race/tracked-sync.ts';
import { casOnly, type ReadWriteStore } from '../../lib/store/async-store.ts';
import { increment, incrementWithRetry } from '../../solutions/01-lost-updates/increment.ts';
import { AsyncMutex } from '../../solutions/03-mutex/async-mutex.ts';
import { AsyncRWMutex } from '../../solutions/04-rwmutex/async-rwmutex.ts';
import { Channel, select } from '../../solutions/07-channels/channel.ts';
import { MemoryAlbumStore } from '../../solutions/09-album-service/memory-store.ts';
import { albumNumber } from '../09-album-service/albums.ts';
import { scheduledStore } from '../support/scheduled-store.ts';
import { naiveIncrement } from './naive-counter.ts';
import { expectNoRaces, newRace } from './under-race.ts';

const SEED = 20_260_814;
const RUNS = 100;

interface Program {
  race: RaceRuntime;
  s: fc.Scheduler;
  tasks: number;
  /** Kata 01's store, one client per task; every round trip released by the scheduler. */
  client: (
    task: number,
  ) => ReadWriteStore & ReturnType<ReturnType<typeof scheduledStore>['clientFor']>;
  /** A pause the scheduler ends: the next statement runs in a later turn. */
  pause: (label: string) => Promise<void>;
}

/** Holds for every order the scheduler picks: `main` (2–4 tasks) reports no race. */
async function neverRaces(name: string, main: (program: Program) => Promise<unknown>) {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 4 }), async (s, tasks) => {
      const race = newRace();
      const { clientFor } = scheduledStore(s);
      const client = (task: number) => trackStore(race, clientFor(task));
      const pause = (label: string) => s.schedule(Promise.resolve(), label).then(() => undefined);
      await s.waitFor(Promise.resolve(main({ race, s, tasks, client, pause })));
      expectNoRaces(race, name);
    }),
    { seed: SEED, numRuns: RUNS },
  );
}

const each = (program: Program, body: (task: number) => Promise<unknown>) =>
  Promise.all(Array.from({ length: program.tasks }, (_, t) => program.race.go(() => body(t))));

describe(`no false positives: ${RUNS} scheduler orders each, 2–4 tasks`, () => {
  it('incr (kata 01 reference): atomic in the store, so synchronization', () =>
    neverRaces('incr', (p) => each(p, (t) => increment(p.client(t), 'n'))));

  it('the compare-and-set loop (kata 01 reference)', () =>
    neverRaces('the CAS loop', (p) =>
      each(p, (t) => incrementWithRetry(casOnly(p.client(t)), 'n')),
    ));

  it('get then set under an AsyncMutex (kata 03 reference)', () =>
    neverRaces('get/set under a mutex', (p) => {
      const mutex = trackMutex(p.race, new AsyncMutex());
      return each(p, (t) => mutex.runExclusive(() => naiveIncrement(p.client(t), 'n')));
    }));

  it('readers under rlock, writers under lock of an AsyncRWMutex (kata 04 reference)', () =>
    neverRaces('reads and writes under an RWMutex', (p) => {
      const rw = trackRWMutex(p.race, new AsyncRWMutex());
      return each(p, async (t) => {
        const store = p.client(t);
        await rw.runRead(() => store.get('n'));
        await rw.runRead(() => store.get('n'));
        if (t % 2 === 0) await rw.runWrite(() => naiveIncrement(store, 'n'));
        await rw.runRead(() => store.get('n'));
      });
    }));

  it('a hand-off over unbuffered Channels (kata 07 reference): update after recv, before send', () =>
    neverRaces('a hand-off over channels', (p) => {
      const links = Array.from({ length: p.tasks - 1 }, () =>
        trackChannel(p.race, new Channel<number>()),
      );
      const counter = trackObject(p.race, { n: 0 }, 'counter');
      return each(p, async (t) => {
        if (t > 0) await links[t - 1]!.recv();
        const n = counter.n;
        await p.pause(`task ${t} holds the token`);
        counter.n = n + 1;
        if (t < p.tasks - 1) await links[t]!.send(t);
      });
    }));

  it('a hand-off through select (kata 07 reference): the token arrives by a recv case, leaves by a send case', () =>
    neverRaces('a hand-off through select', (p) => {
      const chosen = trackSelect(p.race, select);
      const links = Array.from({ length: p.tasks - 1 }, () =>
        trackChannel(p.race, new Channel<number>()),
      );
      // A channel nobody uses: the select's other case, never ready.
      const idle = trackChannel(p.race, new Channel<number>());
      const counter = trackObject(p.race, { n: 0 }, 'counter');
      return each(p, async (t) => {
        if (t > 0) await chosen([{ send: idle, value: t }, { recv: links[t - 1]! }]);
        const n = counter.n;
        await p.pause(`task ${t} holds the token`);
        counter.n = n + 1;
        if (t < p.tasks - 1) await chosen([{ recv: idle }, { send: links[t]!, value: t }]);
      });
    }));

  it('read-only sharing: tasks read across awaits what main wrote before starting them', () =>
    neverRaces('read-only sharing', async (p) => {
      const shared = trackObject(p.race, { title: 'Blue Train', plays: 0 }, 'shared');
      shared.plays = 1;
      await each(p, async () => {
        const title = shared.title;
        await p.pause('between two reads');
        return `${title}${shared.plays}${shared.title}`;
      });
    }));

  it('one task: its own get-then-set, again and again', () =>
    neverRaces('one task', async (p) => {
      const counter = trackObject(p.race, { n: 0 }, 'counter');
      await p.race.go(async () => {
        for (let i = 0; i < p.tasks; i++) {
          await naiveIncrement(p.client(0), 'n');
          const n = counter.n;
          await p.pause('inside the one task');
          counter.n = n + 1;
        }
      });
    }));

  it('sequential tasks: await a(); await b()', () =>
    neverRaces('sequential tasks', async (p) => {
      for (let t = 0; t < p.tasks; t++) await p.race.go(() => naiveIncrement(p.client(t), 'n'));
      await naiveIncrement(p.client(p.tasks), 'n');
    }));

  it('a read-modify-write inside one turn (n = n + 1 between awaits)', () =>
    neverRaces('read-modify-write inside one turn', (p) => {
      const counter = trackObject(p.race, { n: 0 }, 'counter');
      return each(p, async () => {
        for (let i = 0; i < 3; i++) {
          counter.n = counter.n + 1;
          await p.pause('between two increments');
        }
      });
    }));

  it('the reference album store (kata 09) under concurrent creates', () =>
    neverRaces('the reference album store', async (p) => {
      const store = trackInstance(
        p.race,
        new MemoryAlbumStore({ persist: () => p.pause('persist') }),
        'store',
      );
      await each(p, async (t) => {
        await store.create(albumNumber(t));
        return Promise.all([store.list({ offset: 0, limit: 2 }), store.count(), store.get(1)]);
      });
    }));
});
