// Experiment G on your Channel: two async tasks pass a token back and forth over two
// unbuffered channels. The token must come back intact, and the two must take turns.
import { Channel } from '@target/07-channels/channel';
import { describe, expect, it } from 'vitest';
import { type HandOff, pingPongAsync } from '../../lib/channels/ping-pong-async.ts';
import { settlesWithin } from '../support/bounded.ts';

describe('ping-pong over two unbuffered Channels (one thread)', () => {
  it('passes the token intact, ping and pong strictly taking turns', async () => {
    const roundTrips = 1_000;
    const before = performance.now();
    const result = await settlesWithin(
      pingPongAsync(() => new Channel<number>(), roundTrips, { log: true }),
      `${roundTrips} round trips`,
    );
    expect(result.roundTrips).toBe(roundTrips);
    expect(result.token, 'the token came back changed: a hand-off was lost or repeated').toBe(
      2 * roundTrips,
    );
    const expected = Array.from({ length: 2 * roundTrips }, (_, i) =>
      i % 2 === 0 ? `pong got ${i}` : `ping got ${i}`,
    );
    expect(result.log, 'ping and pong did not strictly alternate').toEqual(expected);
    const outside = performance.now() - before;
    expect(result.elapsedMs, 'elapsedMs is not the time the round trips took').toBeGreaterThan(0);
    expect(result.elapsedMs, 'elapsedMs is not the time the round trips took').toBeLessThanOrEqual(
      outside,
    );
  });

  it('keeps taking turns past YIELD_EVERY hand-offs', async () => {
    const result = await settlesWithin(
      pingPongAsync(() => new Channel<number>(), 5_000),
      '5,000 round trips',
    );
    expect(result.token).toBe(10_000);
  });

  it('stops at the first wrong token, and says which', async () => {
    const tampered = (): HandOff<number> => {
      const channel = new Channel<number>();
      return { send: (token) => channel.send(token + 10), recv: () => channel.recv() };
    };
    await expect(pingPongAsync(tampered, 3)).rejects.toThrow('pong received 10, expected token 0');
    const closed = (): HandOff<number> => ({
      send: async () => {},
      recv: async () => ({ value: undefined, ok: false }),
    });
    await expect(pingPongAsync(closed, 3)).rejects.toThrow(
      'received a closed channel, expected token 0',
    );
  });
});
