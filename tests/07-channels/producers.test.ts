// Fan-in: ten producers send 1,000 messages each into one channel and one consumer. Every
// message arrives exactly once, and each producer's messages arrive in the order it sent
// them. First on the plain event loop, then with fast-check's scheduler choosing, from a
// fixed seed, which producer or consumer step runs next.
import { Channel } from '@target/07-channels/channel';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settlesWithin } from '../support/bounded.ts';

const PRODUCERS = 10;
const MESSAGES = 1_000;
const SEED = 20_260_707;
// 10,000 hand-offs, thousands of them scheduled one by one: on a busy machine that is seconds.
// The bound is only there so that a lost wake-up fails instead of hanging.
const WORK_BOUND_MS = 15_000;

interface Message {
  producer: number;
  seq: number;
}

/** What a fan-in received, checked: exactly once each, in order per producer. */
function expectEveryMessageOnce(received: Message[], producers: number, messages: number) {
  const perProducer = Array.from({ length: producers }, () => [] as number[]);
  for (const { producer, seq } of received) perProducer[producer]!.push(seq);
  const expected = Array.from({ length: messages }, (_, i) => i);
  expect(
    received.length,
    `received ${received.length} of ${producers * messages} messages (lost or duplicated)`,
  ).toBe(producers * messages);
  perProducer.forEach((seqs, producer) => {
    expect(seqs, `producer ${producer}: its messages were lost, repeated or reordered`).toEqual(
      expected,
    );
  });
}

async function consumeAll(channel: Channel<Message>, into: Message[]): Promise<void> {
  for (;;) {
    const { value, ok } = await channel.recv();
    if (!ok) return;
    into.push(value);
  }
}

describe(`${PRODUCERS} producers × ${MESSAGES.toLocaleString('en-US')} messages, one consumer`, () => {
  for (const capacity of [0, 16]) {
    it(`capacity ${capacity}: every message once, in order per producer`, async () => {
      const channel = new Channel<Message>(capacity);
      const received: Message[] = [];
      const producers = Array.from({ length: PRODUCERS }, async (_, producer) => {
        for (let seq = 0; seq < MESSAGES; seq++) await channel.send({ producer, seq });
      });
      const consumer = consumeAll(channel, received);
      await settlesWithin(Promise.all(producers), 'every producer finishing', WORK_BOUND_MS);
      channel.close();
      await settlesWithin(consumer, 'the consumer seeing the close');
      expectEveryMessageOnce(received, PRODUCERS, MESSAGES);
    });
  }

  it('under fast-check’s scheduler: every order it tries delivers each message once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.constantFrom(0, 1, 4), async (s, capacity) => {
        const channel = new Channel<Message>(capacity);
        const received: Message[] = [];
        // Each producer's next send happens when the scheduler says.
        const producers = Array.from({ length: PRODUCERS }, async (_, producer) => {
          for (let seq = 0; seq < MESSAGES; seq++) {
            await s.schedule(Promise.resolve(), `producer ${producer} sends ${seq}`);
            await channel.send({ producer, seq });
          }
        });
        const consumer = consumeAll(channel, received);
        await settlesWithin(
          s.waitFor(Promise.all(producers)),
          'every producer finishing',
          WORK_BOUND_MS,
        );
        channel.close();
        await settlesWithin(s.waitFor(consumer), 'the consumer seeing the close');
        expectEveryMessageOnce(received, PRODUCERS, MESSAGES);
      }),
      { seed: SEED, numRuns: 2, endOnFailure: true },
    );
  });
});
