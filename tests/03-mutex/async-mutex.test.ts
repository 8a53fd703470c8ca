// The async mutex, step by step: every await point fixes the interleaving, so each spec
// replays one scenario exactly. `flushMicrotasks` lets whatever can settle, settle.
import { AsyncMutex } from '@target/03-mutex/async-mutex';
import { describe, expect, it } from 'vitest';
import { settlesWithin } from '../support/bounded.ts';
import { flushMicrotasks, logWhenGranted } from '../support/lock-steps.ts';
import { expectRefused } from '../support/misuse.ts';
import { rejectionOf } from '../support/rejection.ts';

/** Asks for the lock and logs the name once it is granted. */
const request = (mutex: AsyncMutex, name: string, granted: string[], signal?: AbortSignal) =>
  logWhenGranted(mutex.lock(signal), name, granted);

/** Asks for the lock, logs the name once it is granted, and releases on the next turn. */
function takeTurn(mutex: AsyncMutex, name: string, granted: string[]): PromiseLike<void> {
  return request(mutex, name, granted).then(async (release) => {
    await flushMicrotasks();
    release();
  });
}

describe('AsyncMutex', () => {
  it('makes a second locker wait until the first releases', async () => {
    const mutex = new AsyncMutex();
    const granted: string[] = [];
    const first = await request(mutex, 'A', granted);
    const second = request(mutex, 'B', granted);
    await flushMicrotasks();
    expect(granted, 'B got the lock while A held it: lock() never waits').toEqual(['A']);
    expect(mutex.isLocked).toBe(true);
    first();
    (await second)();
    expect(granted).toEqual(['A', 'B']);
    expect(mutex.isLocked, 'every owner released, yet the mutex is still locked').toBe(false);
  });

  it('tryLock takes a free lock and refuses a held one without queueing', async () => {
    const mutex = new AsyncMutex();
    const release = mutex.tryLock();
    expect(release, 'tryLock on a free mutex must succeed').toBeTypeOf('function');
    expect(mutex.tryLock(), 'tryLock succeeded while the lock was held').toBeUndefined();
    release?.();
    expect(mutex.isLocked).toBe(false);
    const again = mutex.tryLock();
    expect(again).toBeTypeOf('function');
    again?.();
  });

  it('hands the lock to the oldest waiter, even if the releaser asks again at once', async () => {
    const mutex = new AsyncMutex();
    const granted: string[] = [];
    const a = await request(mutex, 'A', granted);
    const others = [takeTurn(mutex, 'B', granted), takeTurn(mutex, 'C', granted)];
    a();
    // A unlocks and locks again in one synchronous step: it must queue behind B and C.
    await Promise.all([...others, takeTurn(mutex, 'A again', granted)]);
    expect(granted, 'the lock was not granted first come, first served').toEqual([
      'A',
      'B',
      'C',
      'A again',
    ]);
  });

  it("a second call of an old release function does not release the next owner's lock", async () => {
    const mutex = new AsyncMutex();
    const granted: string[] = [];
    const a = await request(mutex, 'A', granted);
    const b = request(mutex, 'B', granted);
    const c = request(mutex, 'C', granted);
    a();
    await b;
    a(); // a stale, second release by A
    await flushMicrotasks();
    expect(granted, "A's second release let C in while B holds the lock").toEqual(['A', 'B']);
    expect(mutex.isLocked).toBe(true);
    (await b)();
    (await c)();
    expect(mutex.isLocked).toBe(false);
  });

  it('an aborted waiter leaves the queue and rejects; the others keep their turn', async () => {
    const mutex = new AsyncMutex();
    const granted: string[] = [];
    const a = await request(mutex, 'A', granted);
    const controller = new AbortController();
    const b = request(mutex, 'B', granted, controller.signal);
    const c = request(mutex, 'C', granted);
    controller.abort();
    expect(
      await rejectionOf(
        b,
        'an aborted wait must reject and leave the queue; it was granted the lock',
      ),
    ).toMatchObject({ name: 'AbortError' });
    a();
    (await c)();
    expect(granted, 'the aborted waiter got the lock anyway').toEqual(['A', 'C']);
    expect(mutex.isLocked, 'the aborted waiter left the mutex locked').toBe(false);
  });

  it('an abort that arrives after the lock was granted leaves the queue intact', async () => {
    const mutex = new AsyncMutex();
    const granted: string[] = [];
    const a = await request(mutex, 'A', granted);
    const controller = new AbortController();
    const b = request(mutex, 'B', granted, controller.signal);
    const c = request(mutex, 'C', granted);
    request(mutex, 'D', granted);
    a();
    const releaseB = await b;
    controller.abort(); // too late: B holds the lock, C and D wait behind it
    releaseB();
    await flushMicrotasks();
    expect(granted, 'the late abort took a waiter out of the queue').toEqual(['A', 'B', 'C']);
    (await c)();
    await flushMicrotasks();
    expect(granted, 'the late abort took a waiter out of the queue').toEqual(['A', 'B', 'C', 'D']);
  });

  it("a second call of tryLock's release function does not release the next owner's lock", async () => {
    const mutex = new AsyncMutex();
    const granted: string[] = [];
    const release = mutex.tryLock()!;
    const b = request(mutex, 'B', granted);
    request(mutex, 'C', granted);
    release();
    await b;
    release(); // a stale, second release
    await flushMicrotasks();
    expect(granted, "tryLock's second release let C in while B holds the lock").toEqual(['B']);
    expect(mutex.isLocked).toBe(true);
  });

  it('an already aborted signal rejects at once and takes nothing', async () => {
    const mutex = new AsyncMutex();
    await expect(mutex.lock(AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
    expect(mutex.isLocked).toBe(false);
  });

  it('runExclusive releases the lock when fn throws, and passes the error on', async () => {
    const mutex = new AsyncMutex();
    const granted: string[] = [];
    const holder = await request(mutex, 'A', granted);
    const failing = mutex.runExclusive(async () => {
      throw new Error('boom');
    });
    const after = mutex.runExclusive(() => 'after');
    holder();
    await expect(settlesWithin(failing, 'runExclusive after A released')).rejects.toThrow('boom');
    expect(
      await settlesWithin(after, 'the next runExclusive'),
      'the lock stayed held after fn threw',
    ).toBe('after');
    expect(mutex.isLocked).toBe(false);
  });

  it('unlock of an unlocked mutex is an error, as in Go', () => {
    expectRefused(
      () => new AsyncMutex().unlock(),
      'unlock()',
      'nobody holds',
      /unlock of unlocked mutex/,
    );
  });
});
