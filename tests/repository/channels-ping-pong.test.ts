// Experiment G across threads (lib/channels): two workers pass a token over shared memory,
// with and without spinning, and over a MessagePort. No learner code runs here, so these
// run once per `npm test`. Each round is bounded by the worker pool: a lost wake-up fails.
import { describe, expect, it } from 'vitest';
import { openAtomicsPingPong } from '../../lib/channels/ping-pong-atomics.ts';
import { pingPongFloor } from '../../lib/channels/ping-pong-floor.ts';
import { openPortPingPong } from '../../lib/channels/ping-pong-port.ts';
import { asyncTaskCost, workerThreadCost } from '../../lib/channels/spawn-cost.ts';

const ROUND_TRIPS = 2_000;

describe('ping-pong between two worker threads', () => {
  it('Atomics.wait/notify, with and without a spin: every round trip, the token intact', async () => {
    const pingPong = await openAtomicsPingPong();
    try {
      for (const spin of [0, 200, 0]) {
        const result = await pingPong.run(ROUND_TRIPS, { spin });
        expect(result.roundTrips).toBe(ROUND_TRIPS);
        expect(result.token, `spin ${spin}: a hand-off was lost or repeated`).toBe(2 * ROUND_TRIPS);
        expect(result.elapsedMs).toBeGreaterThan(0);
      }
    } finally {
      await pingPong.close();
    }
  });

  it('MessagePort: every round trip, the token intact, round after round', async () => {
    const pingPong = await openPortPingPong();
    try {
      for (let round = 0; round < 2; round++) {
        const result = await pingPong.run(ROUND_TRIPS);
        expect(result.token, 'a message was lost or repeated').toBe(2 * ROUND_TRIPS);
        expect(result.elapsedMs).toBeGreaterThan(0);
      }
    } finally {
      await pingPong.close();
    }
  });
});

describe('the floor: one promise per hand-off', () => {
  it('passes the token intact', async () => {
    expect((await pingPongFloor(1_000)).token).toBe(2_000);
  });
});

describe('what a waiting party costs to create', () => {
  it('async tasks: counted, timed, and their heap measured', async () => {
    const cost = await asyncTaskCost(10_000);
    expect(cost.count).toBe(10_000);
    expect(cost.createMicrosEach).toBeGreaterThan(0);
    expect(cost.bytesEach, 'a suspended async task holds some heap').toBeGreaterThan(0);
  });

  it('worker threads: started, timed, and terminated', async () => {
    const cost = await workerThreadCost(2);
    expect(cost.count).toBe(2);
    expect(cost.createMicrosEach).toBeGreaterThan(0);
    expect(cost.isolateHeapBytesEach, 'each worker reports its own heap').toBeGreaterThan(0);
  });
});
