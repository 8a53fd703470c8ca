// Unbuffered means rendezvous; buffered means a FIFO of `capacity` values; waiters are
// served first come, first served. Every await point is fixed, so each spec replays one
// order exactly: `flushMicrotasks` lets whatever can settle, settle.
import { Channel } from '@target/07-channels/channel';
import { describe, expect, it } from 'vitest';
import { flushMicrotasks } from '../support/lock-steps.ts';
import { observe } from '../support/observe.ts';

const MANY = 1_000_000;
const count = (n: number) => n.toLocaleString('en-US');

/** Sends 0, 1, 2, … with nobody receiving; returns how many sends completed meanwhile. */
async function sendsWithoutReceiver(channel: Channel<number>): Promise<number> {
  const controller = new AbortController();
  let sent = 0;
  const producer = (async () => {
    for (let i = 0; i < MANY; i++) {
      await channel.send(i, { signal: controller.signal });
      sent++;
    }
  })();
  // A macrotask turn: every send that needed no receiver has completed by now.
  await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  await producer.catch(() => {});
  return sent;
}

describe('an unbuffered channel is a rendezvous', () => {
  it('a send does not complete until a receiver has taken the value', async () => {
    const sent = await sendsWithoutReceiver(new Channel<number>());
    expect(
      sent,
      `send completed with no receiver: ${count(sent)} value${sent === 1 ? '' : 's'} buffered, ` +
        'the producer never waited',
    ).toBe(0);
  });

  it('sender first: the send completes exactly when the receive takes the value', async () => {
    const channel = new Channel<string>();
    const send = observe(channel.send('token'));
    await flushMicrotasks();
    expect(send.state, 'the send completed before anyone received').toBe('pending');
    expect(channel.length, 'an unbuffered channel holds no value').toBe(0);
    expect(await channel.recv()).toEqual({ value: 'token', ok: true });
    await flushMicrotasks();
    expect(send.state, 'the value was taken, yet the sender still waits').toBe('fulfilled');
  });

  it('receiver first: the receive waits for a sender, whose send then completes at once', async () => {
    const channel = new Channel<string>();
    const recv = observe(channel.recv());
    await flushMicrotasks();
    expect(recv.state, 'the receive completed with no sender').toBe('pending');
    await channel.send('token');
    await flushMicrotasks();
    expect(recv.value).toEqual({ value: 'token', ok: true });
  });

  it('trySend succeeds only when a receiver waits; tryRecv only when a sender waits', async () => {
    const channel = new Channel<number>();
    expect(channel.trySend(1), 'trySend went through with nobody receiving').toBe(false);
    expect(channel.tryRecv(), 'tryRecv found a value nobody sent').toBeUndefined();
    const recv = observe(channel.recv());
    expect(channel.trySend(2), 'trySend refused a waiting receiver').toBe(true);
    await flushMicrotasks();
    expect(recv.value).toEqual({ value: 2, ok: true });
    const send = observe(channel.send(3));
    expect(channel.tryRecv(), 'tryRecv missed a waiting sender').toEqual({ value: 3, ok: true });
    await flushMicrotasks();
    expect(send.state).toBe('fulfilled');
    expect(channel.tryRecv(), 'the value was received twice').toBeUndefined();
  });
});

describe('a buffered channel', () => {
  it('lets `capacity` sends complete with no receiver, and no more', async () => {
    const sent = await sendsWithoutReceiver(new Channel<number>(4));
    expect(sent, `${count(sent)} sends completed into a buffer of 4`).toBe(4);
  });

  it('delivers in FIFO order, and a full buffer takes the oldest waiting sender next', async () => {
    const channel = new Channel<number>(2);
    expect(channel.capacity).toBe(2);
    await channel.send(1);
    expect(channel.trySend(2)).toBe(true);
    expect(channel.length).toBe(2);
    expect(channel.trySend(99), 'trySend went into a full buffer').toBe(false);
    const third = observe(channel.send(3));
    const fourth = observe(channel.send(4));
    await flushMicrotasks();
    expect([third.state, fourth.state], 'a send completed into a full buffer').toEqual([
      'pending',
      'pending',
    ]);
    expect(await channel.recv()).toEqual({ value: 1, ok: true });
    await flushMicrotasks();
    expect([third.state, fourth.state], 'one slot freed: the oldest sender, only').toEqual([
      'fulfilled',
      'pending',
    ]);
    expect(channel.length).toBe(2);
    const rest = [await channel.recv(), await channel.recv(), await channel.recv()];
    expect(rest.map((r) => r.value)).toEqual([2, 3, 4]);
    expect(fourth.state).toBe('fulfilled');
    expect(channel.length).toBe(0);
  });

  it('rejects a capacity that is not a whole number >= 0', () => {
    expect(() => new Channel(-1)).toThrow(RangeError);
    expect(() => new Channel(1.5)).toThrow(/capacity is a whole number >= 0; got 1.5/);
    expect(new Channel().capacity, 'a channel is unbuffered unless asked').toBe(0);
  });
});

describe('waiters are served first come, first served', () => {
  it('waiting receivers get the values in the order they asked', async () => {
    const channel = new Channel<string>();
    const receivers = ['r1', 'r2', 'r3'].map(() => channel.recv());
    await flushMicrotasks();
    for (const value of ['a', 'b', 'c']) await channel.send(value);
    const got = (await Promise.all(receivers)).map((r) => r.value);
    expect(got, 'the receivers were not served in the order they asked').toEqual(['a', 'b', 'c']);
  });

  it('waiting senders are taken in the order they asked, and complete in that order', async () => {
    const channel = new Channel<string>();
    const completed: string[] = [];
    const senders = ['a', 'b', 'c'].map((value) =>
      channel.send(value).then(() => completed.push(value)),
    );
    await flushMicrotasks();
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await channel.recv()).value);
    await Promise.all(senders);
    expect(got, 'the senders were not served in the order they asked').toEqual(['a', 'b', 'c']);
    expect(completed).toEqual(['a', 'b', 'c']);
  });
});
