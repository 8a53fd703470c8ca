// Giving up a wait with an AbortSignal. The rule: a hand-off that has happened stands. A
// receive that was handed its value before the abort keeps it; one that was not rejects
// with `signal.reason` and takes nobody's value; an aborted send delivers nothing.
import { getEventListeners } from 'node:events';
import { Channel } from '@target/07-channels/channel';
import { describe, expect, it } from 'vitest';
import { flushMicrotasks } from '../support/lock-steps.ts';
import { observe } from '../support/observe.ts';
import { resolutionOf } from '../support/rejection.ts';

describe('aborting a receive', () => {
  it('before any sender: rejects with signal.reason, and the next sender waits for a real receiver', async () => {
    const channel = new Channel<string>();
    const controller = new AbortController();
    const aborted = observe(channel.recv({ signal: controller.signal }));
    const reason = new Error('gave up');
    controller.abort(reason);
    await flushMicrotasks();
    expect(aborted.error, 'the aborted receive did not reject with signal.reason').toBe(reason);
    expect(
      getEventListeners(controller.signal, 'abort'),
      'a listener outlived its abort',
    ).toHaveLength(0);
    const send = observe(channel.send('value'));
    await flushMicrotasks();
    expect(send.state, 'the aborted receiver still took a value').toBe('pending');
    expect(await channel.recv()).toEqual({ value: 'value', ok: true });
  });

  it('just after the hand-off: the receive keeps the value and ignores the abort', async () => {
    const channel = new Channel<string>();
    const controller = new AbortController();
    const recv = channel.recv({ signal: controller.signal });
    await flushMicrotasks();
    const send = channel.send('handed over');
    controller.abort(); // in the same turn: the value is already the receiver's
    const taken = 'an abort after the hand-off comes too late: the value is the receiver’s';
    expect(
      await resolutionOf(send, `the send failed, though its value was taken (${taken})`),
      'the send was told its value was taken',
    ).toBeUndefined();
    expect(
      await resolutionOf(recv, `the receive lost a value it was already handed (${taken})`),
      'the receive lost a value it was already handed',
    ).toEqual({ value: 'handed over', ok: true });
    expect(channel.tryRecv(), 'the value is still in the channel as well').toBeUndefined();
  });

  it('with a signal already aborted: rejects at once and takes no waiting sender', async () => {
    const channel = new Channel<string>();
    const send = observe(channel.send('kept'));
    await expect(channel.recv({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await flushMicrotasks();
    expect(send.state, 'an aborted receive consumed a sender').toBe('pending');
    expect(await channel.recv()).toEqual({ value: 'kept', ok: true });
  });

  it('leaves the other waiting receivers in their order', async () => {
    const channel = new Channel<string>();
    const controller = new AbortController();
    const first = observe(channel.recv());
    const second = observe(channel.recv({ signal: controller.signal }));
    const third = observe(channel.recv());
    controller.abort();
    await channel.send('a');
    await channel.send('b');
    await flushMicrotasks();
    expect(first.value).toEqual({ value: 'a', ok: true });
    expect(second.state, 'the aborted receive did not reject').toBe('rejected');
    expect(third.value, 'the aborted receiver took a turn').toEqual({ value: 'b', ok: true });
  });
});

describe('aborting a send', () => {
  it('unbuffered: rejects with signal.reason and delivers nothing', async () => {
    const channel = new Channel<string>();
    const controller = new AbortController();
    const send = observe(channel.send('never', { signal: controller.signal }));
    await flushMicrotasks();
    controller.abort();
    await flushMicrotasks();
    expect(send.error, 'an aborted unbuffered send must reject with the AbortError').toMatchObject({
      name: 'AbortError',
    });
    expect(channel.tryRecv(), 'an aborted send delivered its value').toBeUndefined();
    await expect(channel.send('x', { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(channel.tryRecv(), 'a send with an aborted signal delivered its value').toBeUndefined();
  });

  it('on a full buffer: rejects, and only the buffered values remain', async () => {
    const channel = new Channel<string>(1);
    await channel.send('buffered');
    const controller = new AbortController();
    const later = observe(channel.send('later'));
    const send = observe(channel.send('never', { signal: controller.signal }));
    controller.abort();
    await flushMicrotasks();
    expect(send.state, 'a send blocked on a full buffer did not reject when aborted').toBe(
      'rejected',
    );
    expect(await channel.recv()).toEqual({ value: 'buffered', ok: true });
    expect(await channel.recv()).toEqual({ value: 'later', ok: true });
    expect(later.state).toBe('fulfilled');
    expect(channel.tryRecv(), 'an aborted send reached the buffer').toBeUndefined();
  });

  it('a signal reused for many completed operations keeps no listener behind', async () => {
    const channel = new Channel<number>();
    const { signal } = new AbortController();
    for (let i = 0; i < 20; i++) {
      const recv = channel.recv({ signal });
      await channel.send(i);
      await recv;
      const send = channel.send(i, { signal });
      await channel.recv();
      await send;
    }
    expect(getEventListeners(signal, 'abort'), 'abort listeners left on the signal').toHaveLength(
      0,
    );
  });
});
