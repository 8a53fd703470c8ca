// fast-check's scheduler decides when each reader or writer arrives and when it leaves; after
// every step it releases, the spec compares who holds the lock and who waits with the rules of a
// writer-preferring RWMutex, and stops at the first step that breaks one. The failing order is
// kept for `npm run kata -- replay 04`, with who is inside and who waits around every step.
import { AsyncRWMutex } from '@target/04-rwmutex/async-rwmutex';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tracedScheduler, watchShared } from '../../lib/interleavings/trace.ts';
import { flushMicrotasks } from '../support/lock-steps.ts';

const SEED = 20_260_404;
const RUNS = 100;
const roles = fc.array(fc.constantFrom('reader', 'writer'), { minLength: 2, maxLength: 5 });

type Role = 'reader' | 'writer';

interface Waiter {
  /** R0, W1: the role's initial and the task's number. */
  name: string;
  /** A writer held or awaited the lock when this reader asked: it goes after that writer. */
  behindWriter: boolean;
  /** Writer unlocks counted when it asked: one more means a writer went ahead of it. */
  unlocksAtAsk: number;
}

/** What the spec saw of the lock: who is inside, who waits, and the first rule broken. */
class Watch {
  readonly inside: string[] = [];
  readonly waiting: Waiter[] = [];
  writerUnlocks = 0;
  broken: string | undefined;

  private writerInside = () => this.inside.find((name) => name.startsWith('W'));
  private writersWaiting = () =>
    this.waiting.filter((w) => w.name.startsWith('W')).map((w) => w.name);

  /** `R0 R2 (W1 waits)`: who holds the lock, and who waits for it; `free` if nobody holds it. */
  toString(): string {
    const waiting = this.waiting.map((w) => w.name);
    const held = this.inside.length > 0 ? this.inside.join(' ') : 'free';
    return waiting.length === 0
      ? held
      : `${held} (${waiting.join(' ')} ${waiting.length > 1 ? 'wait' : 'waits'})`;
  }

  asks(name: string): void {
    const behindWriter = this.writerInside() !== undefined || this.writersWaiting().length > 0;
    this.waiting.push({ name, behindWriter, unlocksAtAsk: this.writerUnlocks });
  }

  granted(name: string): void {
    const at = this.waiting.findIndex((w) => w.name === name);
    const [me] = this.waiting.splice(at, 1);
    const writer = this.writerInside();
    if (name.startsWith('W') && this.inside.length > 0) {
      this.break(
        writer
          ? `${name} got the write lock while ${writer} held it: two writers inside at once`
          : `${name} got the write lock while ${this.inside.join(', ')} read: a writer entered ` +
              'while a reader held the lock, and changes the data under its feet',
      );
    } else if (writer) {
      this.break(`${name} got a read lock while ${writer} held the write lock`);
    } else if (me?.behindWriter && this.writerUnlocks === me.unlocksAtAsk) {
      const waited = this.writersWaiting();
      this.break(
        `${name} got a read lock ahead of ${waited.join(', ') || 'the writer'}, which waited ` +
          `before ${name} asked: readers that overtake a waiting writer can starve it ` +
          '(writer starvation; a new reader must queue behind a waiting writer)',
      );
    }
    this.inside.push(name);
  }

  leaves(name: string): void {
    this.inside.splice(this.inside.indexOf(name), 1);
    if (name.startsWith('W')) this.writerUnlocks++;
  }

  /** After a step, once every callback has run: nobody waits who should be inside by now. */
  nobodyStuck(): void {
    if (this.writerInside()) return;
    for (const w of this.waiting) {
      if (w.name.startsWith('W')) {
        if (this.inside.length === 0) {
          this.break(
            `${w.name} still waits for the write lock that nobody holds: a missed wake-up`,
          );
        }
      } else if (w.behindWriter && this.writerUnlocks > w.unlocksAtAsk) {
        this.break(
          `${w.name} queued behind a writer that has unlocked since, and still waits while ` +
            `${this.readingNow()}: a writer's unlock must let in every reader queued behind it`,
        );
      } else if (!w.behindWriter) {
        this.break(
          this.inside.length > 0
            ? `readers never overlapped: ${w.name} waits while ${this.readingNow()} and no ` +
                'writer is ahead of it (a Mutex in disguise)'
            : `${w.name} still waits for a read lock that nobody holds and no writer is ahead ` +
                'of: a missed wake-up',
        );
      }
    }
  }

  private readingNow(): string {
    const n = this.inside.length;
    return n === 0
      ? 'nobody holds the lock'
      : `only ${this.inside.join(', ')} ${n > 1 ? 'read' : 'reads'}`;
  }

  private break(rule: string): void {
    this.broken ??= rule;
  }
}

describe('AsyncRWMutex in every order of 2–5 readers and writers (fast-check scheduler, fixed seed)', () => {
  it('readers share, writers are alone, and a waiting writer goes before new readers', async () => {
    await fc.assert(
      fc.asyncProperty(tracedScheduler(), roles, async (s, tasks) => {
        const rw = new AsyncRWMutex();
        const watch = new Watch();
        watchShared('lock holders', () => String(watch));
        const task = async (role: Role, t: number) => {
          const name = `${role === 'writer' ? 'W' : 'R'}${t}`;
          const [ask, work] =
            role === 'writer' ? ['lock()', 'writes, unlocks'] : ['rlock()', 'reads, unlocks'];
          await s.schedule(Promise.resolve(), `task ${t}: ${role} asks ${ask}`);
          watch.asks(name);
          const release = await (role === 'writer' ? rw.lock() : rw.rlock());
          watch.granted(name);
          await s.schedule(Promise.resolve(), `task ${t}: ${work}`);
          watch.leaves(name);
          release();
          done++;
        };
        let done = 0;
        const all = Promise.all(tasks.map(task));
        all.catch(() => {}); // awaited below, once no step is left
        // One step at a time, until a rule breaks or no step is left; a task the lock never
        // admits is caught by nobodyStuck() rather than hanging the spec.
        while (watch.broken === undefined && s.count() > 0) {
          await s.waitOne();
          await flushMicrotasks();
          watch.nobodyStuck();
        }
        if (watch.broken !== undefined) expect.fail(watch.broken);
        expect(done, 'some tasks never got the lock: a deadlock').toBe(tasks.length);
        await all;
        expect(rw.isLocked, 'isLocked says true after every task released its lock').toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
