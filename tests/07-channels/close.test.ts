// Go's close: no more sends; receivers drain the buffer, then get (zero, ok = false) for
// ever; everybody blocked on the channel wakes. A close that forgets a waiter must fail
// here within seconds, never hang the suite: every wait on a wake-up is bounded.
import {
  Channel,
  CloseOfClosedChannelError,
  SendOnClosedChannelError,
} from '@target/07-channels/channel';
import { describe, expect, it } from 'vitest';
import { settlesWithin } from '../support/bounded.ts';
import { flushMicrotasks } from '../support/lock-steps.ts';

const closed = { value: undefined, ok: false };

describe('close', () => {
  it('receivers drain the buffer, then get { value: undefined, ok: false } for ever', async () => {
    const channel = new Channel<number>(3);
    await channel.send(1);
    await channel.send(2);
    channel.close();
    expect(await channel.recv()).toEqual({ value: 1, ok: true });
    expect(channel.tryRecv(), 'close dropped the buffered values').toEqual({ value: 2, ok: true });
    for (let i = 0; i < 3; i++) expect(await channel.recv()).toEqual(closed);
    expect(channel.tryRecv(), 'tryRecv on a closed, drained channel').toEqual(closed);
  });

  it('wakes every blocked receiver with ok = false', async () => {
    const channel = new Channel<number>();
    const receivers = [channel.recv(), channel.recv(), channel.recv()];
    await flushMicrotasks();
    channel.close();
    const woken = await settlesWithin(
      Promise.all(receivers),
      'the receivers blocked at close waking up',
    );
    expect(woken).toEqual([closed, closed, closed]);
  });

  it('a sender blocked when the channel closes fails with "send on closed channel"', async () => {
    const channel = new Channel<number>();
    const blocked = channel.send(1);
    const error = settlesWithin(
      blocked.then(
        () => 'the send completed',
        (e: unknown) => e,
      ),
      'the sender blocked at close failing',
    );
    await flushMicrotasks();
    channel.close();
    const failure = await error;
    expect(
      failure,
      'a sender blocked when the channel closes must fail with "send on closed channel"',
    ).toBeInstanceOf(SendOnClosedChannelError);
    expect(String(failure)).toMatch(/send on closed channel/);
    expect(await channel.recv(), 'the failed send delivered its value anyway').toEqual(closed);
  });

  it('a sender blocked on a full buffer fails at close; the buffered values stay', async () => {
    const channel = new Channel<number>(1);
    await channel.send(1);
    const blocked = channel.send(2).catch((e: unknown) => e);
    await flushMicrotasks();
    channel.close();
    expect(
      await settlesWithin(blocked, 'the sender blocked at close failing'),
      'a sender blocked on a full buffer must fail at close ("send on closed channel")',
    ).toBeInstanceOf(SendOnClosedChannelError);
    expect(await channel.recv()).toEqual({ value: 1, ok: true });
    expect(await channel.recv()).toEqual(closed);
  });

  it('sending on a closed channel and closing twice are errors, as in Go', async () => {
    const channel = new Channel<number>(1);
    channel.close();
    await expect(channel.send(1)).rejects.toBeInstanceOf(SendOnClosedChannelError);
    expect(() => channel.trySend(1)).toThrow(SendOnClosedChannelError);
    expect(() => channel.close()).toThrow(CloseOfClosedChannelError);
    expect(() => channel.close()).toThrow(/close of closed channel/);
  });

  it('the errors print under their own names, as Go prints its panics', async () => {
    const channel = new Channel<number>();
    channel.close();
    const failures = [
      await channel.send(1).catch((e: unknown) => e),
      (() => {
        try {
          channel.close();
        } catch (e) {
          return e;
        }
      })(),
    ];
    expect(
      failures.map(String),
      'an uncaught failure prints as "Error: …": give each error class its name',
    ).toEqual([
      'SendOnClosedChannelError: send on closed channel',
      'CloseOfClosedChannelError: close of closed channel',
    ]);
  });

  it('for await … of yields every value until the channel is closed and drained', async () => {
    const channel = new Channel<number>();
    const producer = (async () => {
      for (let i = 0; i < 5; i++) await channel.send(i);
      channel.close();
    })();
    const seen: number[] = [];
    const consume = async () => {
      for await (const value of channel) seen.push(value);
    };
    await settlesWithin(Promise.all([producer, consume()]), 'the loop ending at close');
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});
