// Go's select: among the cases that are ready, one chosen uniformly at random; `default`
// only when none is; a nil channel (here `null`) never ready; and only the chosen case
// happens. Randomness comes from a seeded source, so every run makes the same choices.
import { getEventListeners } from 'node:events';
import { Channel, SendOnClosedChannelError, select } from '@target/07-channels/channel';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../lib/random.ts';
import { settlesWithin } from '../support/bounded.ts';
import { flushMicrotasks } from '../support/lock-steps.ts';
import { observe } from '../support/observe.ts';

const SELECTIONS = 10_000;
const SEED = 7;

/** A buffered channel that holds one value: a receive from it is always ready. */
function readyChannel(value: string): Channel<string> {
  const channel = new Channel<string>(1);
  channel.trySend(value);
  return channel;
}

describe('select chooses among ready cases uniformly at random', () => {
  it(`each of two always-ready channels wins 45–55 % of ${SELECTIONS.toLocaleString('en-US')} seeded selections`, async () => {
    const a = readyChannel('a');
    const b = readyChannel('b');
    const random = seededRandom(SEED);
    const wins = [0, 0];
    const wrong: unknown[] = [];
    for (let i = 0; i < SELECTIONS; i++) {
      const selected = await select([{ recv: a }, { recv: b }], { random });
      const name = selected.index === 0 ? 'a' : 'b';
      if (selected.value !== name || selected.ok !== true) wrong.push(selected);
      wins[selected.index]!++;
      (selected.index === 0 ? a : b).trySend(name);
    }
    expect(wrong, 'selections that received the wrong value').toEqual([]);
    const share = wins[0]! / SELECTIONS;
    const unfair =
      `select took case 0 in ${wins[0]!.toLocaleString('en-US')} of ${SELECTIONS.toLocaleString('en-US')} ` +
      'selections: it does not choose uniformly among the ready cases';
    expect(share, unfair).toBeGreaterThanOrEqual(0.45);
    expect(share, unfair).toBeLessThanOrEqual(0.55);
  });

  it('uses the random source it is given: the same seed makes the same choices', async () => {
    const choose = async (seed: number) => {
      const random = seededRandom(seed);
      const cases = [
        { recv: readyChannel('a') },
        { recv: readyChannel('b') },
        { recv: readyChannel('c') },
      ];
      const picks: number[] = [];
      for (let i = 0; i < 60; i++) {
        const { index } = await select(cases, { random });
        picks.push(index);
        cases[index]!.recv.trySend('again');
      }
      return picks;
    };
    const first = await choose(SEED);
    expect(await choose(SEED), 'the same seed chose differently').toEqual(first);
    expect(new Set(first).size, 'three ready cases, yet not all were ever chosen').toBe(3);
    expect(
      await choose(SEED + 1),
      'another seed chose exactly the same: random is ignored',
    ).not.toEqual(first);
  });

  it('a send case is ready when a receiver waits, and runs exactly once', async () => {
    const out = new Channel<string>();
    const idle = new Channel<string>();
    const receiver = observe(out.recv());
    await flushMicrotasks();
    const { index } = await select([{ recv: idle }, { send: out, value: 'sent' }], {
      random: seededRandom(SEED),
    });
    expect(index).toBe(1);
    await flushMicrotasks();
    expect(receiver.value).toEqual({ value: 'sent', ok: true });
    expect(out.tryRecv(), 'the select sent its value twice').toBeUndefined();
  });
});

describe('select, more ready cases', () => {
  it('a send case is ready when the buffer has room, and not when it is full', async () => {
    const out = new Channel<string>(1);
    expect(
      await select([{ send: out, value: 'in' }], { default: true }),
      'a send case on a buffer with room is ready: the select must take it, not its default',
    ).toEqual({ index: 0 });
    expect(out.length, 'the ready send case did not put its value in the buffer').toBe(1);
    expect(
      await select([{ send: out, value: 'more' }], { default: true }),
      'a send case on a full buffer is not ready: the select must take its default (index -1)',
    ).toEqual({ index: -1 });
    expect(out.tryRecv()).toEqual({ value: 'in', ok: true });
  });

  it('draws from the random source only when a case is ready: default and waiting choose nothing', async () => {
    // One draw per choice made, so a recorded sequence of choices replays in step.
    let draws = 0;
    const random = () => {
      draws++;
      return 0.5;
    };
    const idle = new Channel<string>();
    const full = new Channel<string>();
    expect(
      await select([{ recv: idle }, { send: full, value: 'x' }, { recv: null }], {
        default: true,
        random,
      }),
      'no case is ready (nobody sends on idle, nobody receives from the unbuffered full, a ' +
        'null case never is): the select must take its default (index -1)',
    ).toEqual({ index: -1 });
    const waiting = observe(select([{ recv: idle }], { random }));
    await flushMicrotasks();
    await idle.send('late');
    await flushMicrotasks();
    expect(
      waiting.value,
      'a waiting select must complete with the value sent once its case becomes ready',
    ).toEqual({ index: 0, value: 'late', ok: true });
    expect(draws, 'select drew a random number with no ready case to choose from').toBe(0);
  });

  it('a random source that returns its upper bound still picks a ready case', async () => {
    const cases = [
      { recv: new Channel<string>() },
      { recv: readyChannel('a') },
      { recv: readyChannel('b') },
    ];
    expect(
      await select(cases, { random: () => 1 }),
      'random() = 1 (its upper bound) must still pick a ready case: the last one',
    ).toEqual({ index: 2, value: 'b', ok: true });
    expect(await select(cases, { random: () => 0 })).toEqual({ index: 1, value: 'a', ok: true });
  });
});

describe('default', () => {
  it('is taken at once when no case is ready, and nothing is sent or received', async () => {
    const a = new Channel<string>();
    const b = new Channel<string>();
    expect(
      await select([{ recv: a }, { send: b, value: 'x' }], { default: true }),
      'no case is ready: the select must take its default (index -1) and send nothing',
    ).toEqual({
      index: -1,
    });
    const late = observe(b.recv());
    await flushMicrotasks();
    expect(late.state, 'a select that took default still delivered its send').toBe('pending');
    b.trySend('unblock');
  });

  it('is never taken while a case is ready', async () => {
    const random = seededRandom(SEED);
    const ready = readyChannel('v');
    const idle = new Channel<string>();
    for (let i = 0; i < 100; i++) {
      const selected = await select([{ recv: idle }, { recv: ready }], { default: true, random });
      expect(selected, 'default was taken although a receive was ready').toEqual({
        index: 1,
        value: 'v',
        ok: true,
      });
      ready.trySend('v');
    }
    const sender = observe(idle.send('waiting sender'));
    expect(await select([{ recv: idle }], { default: true })).toEqual({
      index: 0,
      value: 'waiting sender',
      ok: true,
    });
    await flushMicrotasks();
    expect(sender.state).toBe('fulfilled');
  });

  it('a closed channel is ready: its receive case gives ok = false', async () => {
    const channel = new Channel<number>();
    channel.close();
    expect(
      await select([{ recv: channel }], { default: true }),
      'a receive on a closed channel is ready (it gives ok = false at once): the select must ' +
        'take it, not its default',
    ).toEqual({
      index: 0,
      value: undefined,
      ok: false,
    });
  });
});

describe('null cases (Go’s nil channel) are never ready', () => {
  it('a null case never fires, ready or not, with or without default', async () => {
    const random = seededRandom(SEED);
    const ready = readyChannel('v');
    for (let i = 0; i < 50; i++) {
      const { index } = await select(
        [{ recv: null }, { send: null, value: 'x' }, { recv: ready }],
        { random },
      );
      expect(index, 'a null case fired').toBe(2);
      ready.trySend('v');
    }
    expect(await select([{ recv: null }, { send: null, value: 1 }], { default: true })).toEqual({
      index: -1,
    });
  });

  it('a select of only null cases waits until its signal aborts', async () => {
    const controller = new AbortController();
    const waiting = observe(select([{ recv: null }], { signal: controller.signal }));
    await flushMicrotasks();
    expect(waiting.state, 'a select over null channels completed').toBe('pending');
    controller.abort();
    await flushMicrotasks();
    expect(
      waiting.state,
      'a select of only null cases must wait until its signal aborts, then reject',
    ).toBe('rejected');
    expect(waiting.error).toMatchObject({ name: 'AbortError' });
  });
});

describe('a select that has to wait', () => {
  it('takes the first case to become ready, and leaves the other channels alone', async () => {
    const a = new Channel<string>();
    const b = new Channel<string>();
    const waiting = observe(select([{ recv: a }, { recv: b }]));
    await flushMicrotasks();
    expect(waiting.state, 'select completed with nothing ready').toBe('pending');
    await b.send('from b');
    await flushMicrotasks();
    expect(
      waiting.value,
      'the waiting select did not complete with the first case to become ready',
    ).toEqual({ index: 1, value: 'from b', ok: true });
    // The select is over: its receive on `a` must be gone, so this send finds nobody.
    expect(a.trySend('late'), 'a finished select still received from its other channel').toBe(
      false,
    );
  });

  it('the winning case leaves the receivers queued behind it on its channel alone', async () => {
    const channel = new Channel<string>();
    const other = new Channel<string>();
    const waiting = observe(select([{ recv: channel }, { recv: other }]));
    await flushMicrotasks();
    const behind = observe(channel.recv());
    await flushMicrotasks();
    await channel.send('to the select');
    await flushMicrotasks();
    expect(
      waiting.value,
      'the select, first in line on the channel, did not receive the first value sent',
    ).toEqual({ index: 0, value: 'to the select', ok: true });
    expect(
      channel.trySend('to the receiver behind'),
      'the select, leaving, took another waiter out of the queue (splice at indexOf = -1?)',
    ).toBe(true);
    await flushMicrotasks();
    expect(behind.value, 'the receiver queued behind the select did not get its value').toEqual({
      value: 'to the receiver behind',
      ok: true,
    });
  });

  it('a waiting send case completes when a receiver comes, once', async () => {
    const out = new Channel<string>();
    const idle = new Channel<string>();
    const waiting = observe(select([{ recv: idle }, { send: out, value: 'hello' }]));
    await flushMicrotasks();
    expect(waiting.state, 'a waiting send case completed with no receiver').toBe('pending');
    expect(await out.recv()).toEqual({ value: 'hello', ok: true });
    await flushMicrotasks();
    expect(waiting.value).toEqual({ index: 1 });
    expect(out.tryRecv(), 'the select sent twice').toBeUndefined();
    expect(idle.trySend('late'), 'a finished select still received').toBe(false);
  });

  it('a waiting receive case wakes with ok = false when its channel closes', async () => {
    const a = new Channel<string>();
    const b = new Channel<string>();
    const waiting = select([{ recv: a }, { recv: b }]);
    await flushMicrotasks();
    b.close();
    expect(await settlesWithin(waiting, 'a select waking at close')).toEqual({
      index: 1,
      value: undefined,
      ok: false,
    });
    expect(a.trySend('late'), 'a finished select still received').toBe(false);
  });

  it('a send case fails with "send on closed channel" when its channel is or becomes closed', async () => {
    const closed = new Channel<string>();
    closed.close();
    await expect(select([{ send: closed, value: 'x' }])).rejects.toBeInstanceOf(
      SendOnClosedChannelError,
    );
    const out = new Channel<string>();
    const other = new Channel<string>();
    const waiting = select([{ send: out, value: 'x' }, { recv: other }]).catch((e: unknown) => e);
    await flushMicrotasks();
    out.close();
    expect(
      await settlesWithin(waiting, 'a select failing at close'),
      'a send case must fail with "send on closed channel" when its channel closes',
    ).toBeInstanceOf(SendOnClosedChannelError);
    expect(other.trySend('late'), 'a failed select still received').toBe(false);
  });

  it('two cases on one channel that closes: the select completes once', async () => {
    const channel = new Channel<string>();
    const waiting = select([{ recv: channel }, { send: channel, value: 'x' }, { recv: channel }]);
    await flushMicrotasks();
    channel.close();
    expect(
      await settlesWithin(waiting, 'a select waking at close'),
      'two cases on one channel that closes: the select completes once, with the first case and ok = false',
    ).toEqual({
      index: 0,
      value: undefined,
      ok: false,
    });
  });

  it('a signal reused for many selects keeps no listener behind', async () => {
    const { signal } = new AbortController();
    const channel = new Channel<number>();
    for (let i = 0; i < 20; i++) {
      const waiting = select([{ recv: channel }], { signal });
      await channel.send(i);
      await waiting;
    }
    expect(getEventListeners(signal, 'abort'), 'abort listeners left on the signal').toHaveLength(
      0,
    );
  });

  it('an aborted select rejects with the reason and leaves every channel alone', async () => {
    const a = new Channel<string>();
    const b = new Channel<string>();
    const controller = new AbortController();
    const waiting = observe(
      select([{ recv: a }, { send: b, value: 'x' }], { signal: controller.signal }),
    );
    await flushMicrotasks();
    const reason = new Error('stop waiting');
    controller.abort(reason);
    await flushMicrotasks();
    expect(waiting.error, 'the select did not reject with the abort reason').toBe(reason);
    expect(a.trySend('late'), 'an aborted select still received').toBe(false);
    expect(b.tryRecv(), 'an aborted select still sent').toBeUndefined();
    await expect(select([{ recv: a }], { signal: controller.signal })).rejects.toBe(reason);
  });
});
