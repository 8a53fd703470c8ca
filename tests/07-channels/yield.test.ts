// Microtask starvation. A producer and a consumer that never have to wait resume each other
// on microtasks only, and the event loop drains every microtask before it runs one timer,
// one I/O callback, one setImmediate. The channel must step aside every YIELD_EVERY
// operations. Counted, not timed: a setImmediate ticker counts the values that moved
// between two of its turns.
import { Channel, YIELD_EVERY } from '@target/07-channels/channel';
import { describe, expect, it } from 'vitest';
import { settlesWithin } from '../support/bounded.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** Moves `total` values from a producer to a consumer; returns the most moved between two macrotask turns. */
async function mostMovedBetweenTurns(channel: Channel<number>, total: number) {
  let moved = 0;
  let lastTurn = 0;
  let most = 0;
  let turns = 0;
  let running = true;
  const tick = () => {
    most = Math.max(most, moved - lastTurn);
    lastTurn = moved;
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const producer = (async () => {
    for (let i = 0; i < total; i++) await channel.send(i);
  })();
  const consumer = (async () => {
    for (let i = 0; i < total; i++) {
      const { value } = await channel.recv();
      if (value !== i) throw new Error(`received ${value}, expected ${i}`);
      moved++;
    }
  })();
  try {
    await settlesWithin(Promise.all([producer, consumer]), `moving ${count(total)} values`, 10_000);
  } finally {
    running = false;
  }
  return { most: Math.max(most, moved - lastTurn), turns };
}

describe('YIELD_EVERY: the channel lets timers and I/O run', () => {
  it('is a sensible whole number', () => {
    expect(Number.isInteger(YIELD_EVERY) && YIELD_EVERY >= 1 && YIELD_EVERY <= 65_536).toBe(true);
  });

  for (const capacity of [0, 64]) {
    it(`capacity ${capacity}: at most YIELD_EVERY values move between two macrotask turns`, async () => {
      const total = 20 * YIELD_EVERY;
      const { most, turns } = await mostMovedBetweenTurns(new Channel<number>(capacity), total);
      expect(
        most,
        `microtask starvation: ${count(most)} values moved without one macrotask turn ` +
          `(YIELD_EVERY is ${count(YIELD_EVERY)}); timers and I/O waited all along`,
      ).toBeLessThanOrEqual(YIELD_EVERY);
      expect(turns, 'the macrotask queue hardly ran').toBeGreaterThanOrEqual(
        total / YIELD_EVERY - 1,
      );
    });
  }
});
