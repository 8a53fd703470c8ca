// The async readers-writer lock, step by step: await points fix every interleaving.
// `flushMicrotasks` lets whatever can be granted now, be granted.
import { AsyncRWMutex } from '@target/04-rwmutex/async-rwmutex';
import { describe, expect, it } from 'vitest';
import { flushMicrotasks, logWhenGranted } from '../support/lock-steps.ts';
import { expectRefused } from '../support/misuse.ts';

type Release = () => void;

/** Asks for a read (`R…`) or write (`W…`) lock and logs the name once it is granted. */
const request = (rw: AsyncRWMutex, name: string, granted: string[]) =>
  logWhenGranted(name.startsWith('W') ? rw.lock() : rw.rlock(), name, granted);

describe('AsyncRWMutex', () => {
  it('lets readers overlap', async () => {
    const rw = new AsyncRWMutex();
    const granted: string[] = [];
    const first = request(rw, 'R1', granted);
    const second = request(rw, 'R2', granted);
    await flushMicrotasks();
    const together = granted.length;
    expect(rw.isLocked, 'isLocked says false while two readers hold the lock').toBe(true);
    (await first)();
    (await second)();
    expect(
      together,
      'readers never overlapped: the second reader waited for the first (a Mutex in disguise)',
    ).toBe(2);
  });

  it('a writer waits for the readers inside, and excludes readers and writers', async () => {
    const rw = new AsyncRWMutex();
    const granted: string[] = [];
    const reader = await request(rw, 'R1', granted);
    const writer = request(rw, 'W1', granted);
    await flushMicrotasks();
    expect(granted, 'a writer got in while a reader held the lock').toEqual(['R1']);
    reader();
    const release = await writer;
    const laterReader = request(rw, 'R2', granted);
    const laterWriter = request(rw, 'W2', granted);
    await flushMicrotasks();
    expect(granted, 'someone got in while a writer held the lock').toEqual(['R1', 'W1']);
    release();
    (await laterReader)();
    (await laterWriter)();
    expect(rw.isLocked).toBe(false);
  });

  it('a writer waits until the last of several readers inside has left', async () => {
    const rw = new AsyncRWMutex();
    const granted: string[] = [];
    const first = await request(rw, 'R1', granted);
    const second = await request(rw, 'R2', granted);
    const writer = request(rw, 'W', granted);
    first();
    await flushMicrotasks();
    expect(granted, 'the writer got in while R2 still held a read lock').toEqual(['R1', 'R2']);
    second();
    const release = await writer;
    expect(rw.isLocked, 'isLocked says false while a writer holds the lock').toBe(true);
    release();
    expect(rw.isLocked).toBe(false);
  });

  it('prefers writers: a reader that arrives after a waiting writer goes after it', async () => {
    const rw = new AsyncRWMutex();
    const granted: string[] = [];
    const early = await request(rw, 'R1', granted);
    const writer = request(rw, 'W', granted);
    const late = request(rw, 'R2', granted);
    await flushMicrotasks();
    expect(granted, 'a new reader got in while a writer was waiting').toEqual(['R1']);
    early();
    (await writer)();
    (await late)();
    expect(granted).toEqual(['R1', 'W', 'R2']);
  });

  it('does not starve a writer under a continuous stream of overlapping readers', async () => {
    const rw = new AsyncRWMutex();
    const STREAM = 1_000;
    const ASK_AT = 10;
    let reads = 0;
    let readsWhenAsked = 0;
    let readsWhenGranted = -1;
    let writer: Promise<void> = Promise.resolve();
    // Each reader asks for the next read lock before it lets go of its own.
    const reader = (): Promise<void> =>
      rw.rlock().then(async (release: Release) => {
        reads++;
        if (reads === ASK_AT) {
          readsWhenAsked = reads;
          writer = rw.lock().then((releaseWrite: Release) => {
            readsWhenGranted = reads;
            releaseWrite();
          });
        }
        const next = reads < STREAM ? reader() : Promise.resolve();
        await flushMicrotasks();
        release();
        await next;
      });
    await reader();
    await writer;
    const overtaking = readsWhenGranted - readsWhenAsked;
    expect(
      overtaking,
      `the writer starved: ${overtaking} readers went in while it waited (stream of ${STREAM})`,
    ).toBeLessThan(STREAM / 100);
  });

  it('admits every reader that queued behind a writer, together, when it unlocks', async () => {
    const rw = new AsyncRWMutex();
    const granted: string[] = [];
    const writer = await request(rw, 'W', granted);
    const readers = ['R1', 'R2', 'R3'].map((name) => request(rw, name, granted));
    await flushMicrotasks();
    writer();
    await flushMicrotasks();
    expect(granted, 'the readers queued behind the writer were not all let in').toEqual([
      'W',
      'R1',
      'R2',
      'R3',
    ]);
    for (const reader of readers) (await reader)();
    expect(rw.isLocked).toBe(false);
  });

  it("a second call of an old read release does not release another reader's hold", async () => {
    const rw = new AsyncRWMutex();
    const granted: string[] = [];
    const first = await request(rw, 'R1', granted);
    const second = await request(rw, 'R2', granted);
    first();
    first(); // a stale, second release by R1
    const writer = request(rw, 'W', granted);
    await flushMicrotasks();
    expect(granted, "R1's second release let a writer in while R2 reads").toEqual(['R1', 'R2']);
    second();
    (await writer)();
    expect(rw.isLocked).toBe(false);
  });

  it("a second call of an old write release does not release the next holder's lock", async () => {
    const rw = new AsyncRWMutex();
    const granted: string[] = [];
    const first = await request(rw, 'W1', granted);
    const second = request(rw, 'W2', granted);
    first();
    const release = await second;
    first(); // a stale, second release by W1
    const reader = request(rw, 'R', granted);
    await flushMicrotasks();
    expect(granted, "W1's second release let a reader in while W2 writes").toEqual(['W1', 'W2']);
    release();
    (await reader)();
    expect(rw.isLocked).toBe(false);
  });

  it('runRead and runWrite release the lock when fn throws', async () => {
    const rw = new AsyncRWMutex();
    await expect(rw.runRead(() => Promise.reject(new Error('read failed')))).rejects.toThrow(
      'read failed',
    );
    await expect(
      rw.runWrite(() => {
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(await rw.runWrite(() => 'free again'), 'the lock stayed held after fn threw').toBe(
      'free again',
    );
    expect(rw.isLocked).toBe(false);
  });

  it('unlocking or read-unlocking an unlocked lock is an error, as in Go', async () => {
    const rw = new AsyncRWMutex();
    expectRefused(() => rw.unlock(), 'unlock()', 'nobody holds', /unlock of unlocked RWMutex/);
    expectRefused(
      () => rw.runlock(),
      'runlock()',
      'nobody holds',
      /runlock of unlocked RWMutex/,
      'read',
    );
    (await rw.rlock())();
    expectRefused(
      () => rw.runlock(),
      'a second runlock()',
      'its only reader left',
      /runlock of unlocked RWMutex/,
      'read',
    );
  });
});
