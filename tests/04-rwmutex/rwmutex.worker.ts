import type * as SharedRWMutexModule from '@target/04-rwmutex/shared-rwmutex';
import { importTarget } from '../../lib/target/import-target.ts';
import { publish, waitUntil } from '../../lib/workers/signals.ts';
import { defineWorkerTask } from '../../lib/workers/task.ts';
import {
  ROLES,
  type RWMutexJob,
  type RWMutexResult,
  type RWMutexRound,
  SCRATCH,
  STOP,
} from './rwmutex.layout.ts';

const pause = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(pause, 0, 0, ms);

defineWorkerTask<RWMutexJob, RWMutexRound, RWMutexResult>(async ({ scratch }, { index }) => {
  const { SharedRWMutex } = await importTarget<typeof SharedRWMutexModule>(
    '04-rwmutex/shared-rwmutex',
  );
  const rw = new SharedRWMutex(scratch, SCRATCH.lock);
  const words = new Int32Array(scratch);
  const load = (word: number) => Atomics.load(words, word);
  const add = (word: number, delta: number) => Atomics.add(words, word, delta) + delta;
  const signal = (word: number, value: number) => publish(words, word, value);
  const waitOn = (word: number, done: () => boolean, ms?: number) =>
    waitUntil(words, word, done, ms);

  const result = (): RWMutexResult => ({
    mostReaders: 0,
    violations: 0,
    ticket: -1,
    readsWhenAsked: -1,
    readsWhenGranted: -1,
    streamOver: false,
  });

  const rounds: {
    [K in RWMutexRound['kind']]: (round: Extract<RWMutexRound, { kind: K }>) => RWMutexResult;
  } = {
    // Each reader holds its read lock until it meets the other inside, or runs out of patience.
    overlap: ({ patienceMs }) => {
      const out = result();
      rw.rlock();
      out.mostReaders = add(SCRATCH.readersInside, 1);
      if (out.mostReaders >= 2) signal(SCRATCH.stop, 1);
      else if (!waitOn(SCRATCH.stop, () => load(SCRATCH.stop) !== 0, patienceMs)) {
        signal(SCRATCH.stop, 2); // gave up: the other reader must not wait for us
      }
      add(SCRATCH.readersInside, -1);
      rw.runlock();
      return out;
    },

    exclusion: ({ times }) => {
      const out = result();
      const writer = ROLES.exclusion[index] === 'writer';
      for (let i = 0; i < times; i++) {
        if (writer) {
          rw.lock();
          const writers = add(SCRATCH.writersInside, 1);
          if (writers > 1 || load(SCRATCH.readersInside) > 0) out.violations++;
          words[SCRATCH.plainCounter]!++;
          add(SCRATCH.writersInside, -1);
          rw.unlock();
        } else {
          rw.rlock();
          add(SCRATCH.readersInside, 1);
          if (load(SCRATCH.writersInside) > 0) out.violations++;
          add(SCRATCH.readersInside, -1);
          rw.runlock();
        }
      }
      return out;
    },

    // Steps: 1 both readers are in, 2 the writer is about to lock, 3 a late reader arrives.
    // The second reader leaves a while after the first: the writer must wait for both.
    preference: ({ settleMs }) => {
      const out = result();
      const role = ROLES.preference[index];
      const stepAtLeast = (step: number) => waitOn(SCRATCH.step, () => load(SCRATCH.step) >= step);
      if (role === 'reader' || role === 'second reader') {
        rw.rlock();
        if (add(SCRATCH.readersInside, 1) === 2) signal(SCRATCH.step, 1);
        stepAtLeast(3);
        sleep(settleMs); // let the late reader reach rlock()
        if (role === 'second reader') {
          waitOn(SCRATCH.readersInside, () => load(SCRATCH.readersInside) < 2);
          sleep(settleMs); // the first reader has left: a writer let in now would meet us
        }
        add(SCRATCH.readersInside, -1);
        Atomics.notify(words, SCRATCH.readersInside);
        rw.runlock();
      } else if (role === 'writer') {
        stepAtLeast(1);
        signal(SCRATCH.step, 2);
        rw.lock();
        out.ticket = add(SCRATCH.ticket, 1) - 1;
        // The first reader was inside when this writer asked: it must have left by now.
        out.violations = load(SCRATCH.readersInside);
        rw.unlock();
      } else if (role === 'late reader') {
        stepAtLeast(2);
        sleep(settleMs); // let the writer start waiting in lock()
        signal(SCRATCH.step, 3);
        rw.rlock();
        out.ticket = add(SCRATCH.ticket, 1) - 1;
        rw.runlock();
      }
      return out;
    },

    // Steps: 1 the writer holds the lock; then the readers queue behind it, and the writer
    // unlocks once they had time to fall asleep. All of them must come in together.
    queued: ({ settleMs, patienceMs }) => {
      const out = result();
      const readers = ROLES.queued.filter((role) => role === 'reader').length;
      if (ROLES.queued[index] === 'writer') {
        rw.lock();
        signal(SCRATCH.step, 1);
        waitOn(SCRATCH.entries, () => load(SCRATCH.entries) >= readers);
        sleep(settleMs); // let the readers reach rlock() and sleep there
        rw.unlock();
        return out;
      }
      waitOn(SCRATCH.step, () => load(SCRATCH.step) >= 1);
      add(SCRATCH.entries, 1);
      Atomics.notify(words, SCRATCH.entries);
      rw.rlock();
      add(SCRATCH.readersInside, 1);
      Atomics.notify(words, SCRATCH.readersInside);
      waitOn(SCRATCH.readersInside, () => load(SCRATCH.readersInside) >= readers, patienceMs);
      out.mostReaders = load(SCRATCH.readersInside);
      // Leave only once every reader has looked, so nobody sees fewer than were let in.
      add(SCRATCH.reads, 1);
      Atomics.notify(words, SCRATCH.reads);
      waitOn(SCRATCH.reads, () => load(SCRATCH.reads) >= readers, patienceMs);
      add(SCRATCH.readersInside, -1);
      rw.runlock();
      return out;
    },

    // Readers pass a baton: each leaves only once another reader has entered after it, so
    // some reader is always inside. A writer asks in the middle of the stream.
    stream: ({ streamMs, askAfterReads }) => {
      const out = result();
      const running = () => load(SCRATCH.stop) === STOP.running;
      if (ROLES.stream[index] === 'writer') {
        waitOn(SCRATCH.reads, () => load(SCRATCH.reads) >= askAfterReads || !running());
        out.readsWhenAsked = load(SCRATCH.reads);
        rw.lock();
        out.readsWhenGranted = load(SCRATCH.reads);
        out.streamOver =
          Atomics.compareExchange(words, SCRATCH.stop, STOP.running, STOP.writerIn) !==
          STOP.running;
        Atomics.notify(words, SCRATCH.entries);
        rw.unlock();
        return out;
      }
      const end = Date.now() + streamMs;
      while (running()) {
        if (Date.now() > end) {
          Atomics.compareExchange(words, SCRATCH.stop, STOP.running, STOP.streamOver);
          break;
        }
        rw.rlock();
        const me = add(SCRATCH.entries, 1);
        Atomics.notify(words, SCRATCH.entries);
        add(SCRATCH.reads, 1);
        Atomics.notify(words, SCRATCH.reads);
        // Wait for the next reader, briefly: a writer-preferring lock holds it back.
        waitOn(SCRATCH.entries, () => load(SCRATCH.entries) > me || !running(), 20);
        rw.runlock();
      }
      return out;
    },
  };

  return (round) => (rounds[round.kind] as (r: RWMutexRound) => RWMutexResult)(round);
});
