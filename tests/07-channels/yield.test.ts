// Microtask starvation. A producer and a consumer that never have to wait resume each other
// on microtasks only, and the event loop drains every microtask before it runs one timer,
// one I/O callback, one setImmediate. The channel must step aside every YIELD_EVERY
// operations, on every path that completes without waiting (a send into a buffer with room,
// a receive from a full buffer, a select with a ready case), and the count is one for the
// whole loop, not one per channel. Counted, not timed: a setImmediate ticker counts the
// operations that completed between two of its turns.
import { Channel, select, YIELD_EVERY } from '@target/07-channels/channel';
import { describe, expect, it } from 'vitest';
import { settlesWithin } from '../support/bounded.ts';

const count = (n: number) => n.toLocaleString('en-US');
const TOTAL = 20 * YIELD_EVERY;

/**
 * Runs `work`, which calls `done()` once per completed operation, beside a setImmediate
 * ticker; returns the most operations completed between two macrotask turns.
 */
async function mostBetweenTurns(what: string, work: (done: () => void) => Promise<unknown>) {
  let completed = 0;
  let lastTurn = 0;
  let most = 0;
  let turns = 0;
  let running = true;
  const tick = () => {
    most = Math.max(most, completed - lastTurn);
    lastTurn = completed;
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  try {
    await settlesWithin(
      work(() => completed++),
      what,
      10_000,
    );
  } finally {
    running = false;
  }
  return { most: Math.max(most, completed - lastTurn), turns };
}

function expectYields(result: { most: number; turns: number }, total: number, path: string) {
  expect(
    result.most,
    `microtask starvation: ${count(result.most)} operations (${path}) completed without one ` +
      `macrotask turn (YIELD_EVERY is ${count(YIELD_EVERY)}); timers and I/O waited all along`,
  ).toBeLessThanOrEqual(YIELD_EVERY);
  expect(result.turns, 'the macrotask queue hardly ran').toBeGreaterThanOrEqual(
    total / YIELD_EVERY - 1,
  );
}

/** A channel with room for `total` values, already holding them. */
function full(total: number): Channel<number> {
  const channel = new Channel<number>(total);
  for (let i = 0; i < total; i++) channel.trySend(i);
  return channel;
}

async function produce(channel: Channel<number>, total: number, done: () => void) {
  for (let i = 0; i < total; i++) {
    await channel.send(i);
    done();
  }
}

describe('YIELD_EVERY: the channel lets timers and I/O run', () => {
  it('is a sensible whole number', () => {
    expect(Number.isInteger(YIELD_EVERY) && YIELD_EVERY >= 1 && YIELD_EVERY <= 65_536).toBe(true);
  });

  for (const capacity of [0, 64]) {
    it(`capacity ${capacity}: at most YIELD_EVERY values move between two macrotask turns`, async () => {
      const channel = new Channel<number>(capacity);
      const result = await mostBetweenTurns(`moving ${count(TOTAL)} values`, (moved) =>
        Promise.all([
          produce(channel, TOTAL, () => {}),
          (async () => {
            for (let i = 0; i < TOTAL; i++) {
              const { value } = await channel.recv();
              if (value !== i) throw new Error(`received ${value}, expected ${i}`);
              moved();
            }
          })(),
        ]),
      );
      expectYields(result, TOTAL, 'values received');
    });
  }

  it('a lone producer filling a roomy buffer (send never waits) steps aside too', async () => {
    const channel = new Channel<number>(TOTAL);
    const result = await mostBetweenTurns(`${count(TOTAL)} sends`, (sent) =>
      produce(channel, TOTAL, sent),
    );
    expectYields(result, TOTAL, 'sends into a buffer with room');
  });

  it('a lone consumer draining a full buffer (recv never waits) steps aside too', async () => {
    const channel = full(TOTAL);
    const result = await mostBetweenTurns(`${count(TOTAL)} receives`, async (received) => {
      for (let i = 0; i < TOTAL; i++) {
        const { value } = await channel.recv();
        if (value !== i) throw new Error(`received ${value}, expected ${i}`);
        received();
      }
    });
    expectYields(result, TOTAL, 'receives from a full buffer');
  });

  it('a loop of selects that always find a ready case steps aside too', async () => {
    const channel = full(TOTAL);
    const idle = new Channel<number>();
    const result = await mostBetweenTurns(`${count(TOTAL)} selects`, async (selected) => {
      for (let i = 0; i < TOTAL; i++) {
        await select([{ recv: idle }, { recv: channel }]);
        selected();
      }
    });
    expectYields(result, TOTAL, 'selects with a ready case');
  });

  it('two producers on two channels share one budget: the starvation is the whole loop’s', async () => {
    const channels = [new Channel<number>(TOTAL), new Channel<number>(TOTAL)];
    const result = await mostBetweenTurns(`two producers of ${count(TOTAL)} sends`, (sent) =>
      Promise.all(channels.map((channel) => produce(channel, TOTAL, sent))),
    );
    expectYields(result, 2 * TOTAL, 'sends by two producers on two channels, together');
  });
});
