// What a hand-off costs. One thread: your Channel, the reference, ts-chan (npm) and the
// floor, each passing a token back and forth ROUND_TRIPS times (two hand-offs per round
// trip: ns per hand-off = mean / (2 × ROUND_TRIPS)). Across threads, and the cost of
// creating a waiting party, are printed as a table first: those rounds time themselves
// inside the workers, so starting a worker does not count.
import { Chan } from 'ts-chan';
import { bench, describe } from 'vitest';
import { Channel as YourChannel } from '../../katas/07-channels/channel.ts';
import { type HandOff, pingPongAsync } from '../../lib/channels/ping-pong-async.ts';
import { openAtomicsPingPong } from '../../lib/channels/ping-pong-atomics.ts';
import { pingPongFloor } from '../../lib/channels/ping-pong-floor.ts';
import { openPortPingPong } from '../../lib/channels/ping-pong-port.ts';
import { asyncTaskCost, workerThreadCost } from '../../lib/channels/spawn-cost.ts';
import { Channel } from '../../solutions/07-channels/channel.ts';
import { median } from '../support/measure.ts';

const ROUND_TRIPS = 10_000;
const THREAD_ROUND_TRIPS = 20_000;
const PAIRED_ROUNDS = 20;
const WARM_UP_ROUNDS = 3;
const options = { time: 1_000, warmupTime: 200 };

/** ts-chan's receive says `done` where Go (and our Channel) says `ok`. */
function tsChan(): HandOff<number> {
  const chan = new Chan<number>();
  return {
    send: (value) => chan.send(value),
    recv: async () => {
      const { value, done } = await chan.recv();
      return { value, ok: !done };
    },
  };
}

const perHandOff = (elapsedMs: number, roundTrips: number) =>
  `${((elapsedMs * 1e6) / (2 * roundTrips)).toFixed(0)} ns`;

async function threadTable(): Promise<void> {
  const rows: string[] = [];
  const atomics = await openAtomicsPingPong();
  try {
    for (const spin of [0, 1_000]) {
      const runs = [];
      for (let i = 0; i < 3; i++)
        runs.push((await atomics.run(THREAD_ROUND_TRIPS, { spin })).elapsedMs);
      rows.push(
        `(b) Atomics.wait/notify, spin ${spin}: ${perHandOff(median(runs), THREAD_ROUND_TRIPS)}`,
      );
    }
  } finally {
    await atomics.close();
  }
  const port = await openPortPingPong();
  try {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push((await port.run(THREAD_ROUND_TRIPS)).elapsedMs);
    rows.push(`(c) MessagePort: ${perHandOff(median(runs), THREAD_ROUND_TRIPS)}`);
  } finally {
    await port.close();
  }
  // Paired: each round runs all three back to back, so a burst of load on a shared machine
  // hits one round's figures alike. The first rounds only warm the JIT up. On a machine with
  // more runnable jobs than cores, a round of a few ms is often preempted: the fastest round
  // of each (its cost when nobody interrupted it) is the steadier figure.
  const times = { floor: [] as number[], channel: [] as number[], library: [] as number[] };
  for (let round = -WARM_UP_ROUNDS; round < PAIRED_ROUNDS; round++) {
    const floor = (await pingPongFloor(ROUND_TRIPS)).elapsedMs;
    const channel = (await pingPongAsync(() => new Channel<number>(), ROUND_TRIPS)).elapsedMs;
    const library = (await pingPongAsync(tsChan, ROUND_TRIPS)).elapsedMs;
    if (round < 0) continue;
    times.floor.push(floor);
    times.channel.push(channel);
    times.library.push(library);
  }
  const ratio = (a: number[], b: number[]) =>
    `median ${median(a.map((x, i) => x / b[i]!)).toFixed(2)}×, fastest ${(Math.min(...a) / Math.min(...b)).toFixed(2)}×`;
  rows.push(
    `one thread, ${PAIRED_ROUNDS} paired rounds: reference Channel / floor ${ratio(times.channel, times.floor)}; ` +
      `ts-chan / reference Channel ${ratio(times.library, times.channel)}; fastest hand-offs: ` +
      `floor ${perHandOff(Math.min(...times.floor), ROUND_TRIPS)}, Channel ${perHandOff(Math.min(...times.channel), ROUND_TRIPS)}, ` +
      `ts-chan ${perHandOff(Math.min(...times.library), ROUND_TRIPS)}`,
  );
  const tasks = await asyncTaskCost(100_000);
  const threads = await workerThreadCost(8);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 2 : 0)} KB`;
  rows.push(
    `async task (100,000): ${tasks.createMicrosEach.toFixed(2)} µs, ${kb(tasks.bytesEach)} each`,
    `worker thread (8): ${threads.createMicrosEach.toFixed(0)} µs, ${kb(threads.bytesEach)} RSS (given back at exit) ` +
      `and ${kb(threads.isolateHeapBytesEach ?? 0)} of V8 heap each`,
  );
  console.log(
    `per hand-off across threads (median of 3 × ${THREAD_ROUND_TRIPS.toLocaleString('en-US')} round trips), paired one-thread ratios, and creation costs:\n  ${rows.join('\n  ')}`,
  );
}

await threadTable();

describe(`one thread: ping-pong, ${ROUND_TRIPS.toLocaleString('en-US')} round trips (ns per hand-off = mean / ${(2 * ROUND_TRIPS) / 1000}k)`, () => {
  bench(
    'your Channel',
    () => pingPongAsync(() => new YourChannel<number>(), ROUND_TRIPS).then(() => {}),
    options,
  );
  bench(
    'Channel (reference)',
    () => pingPongAsync(() => new Channel<number>(), ROUND_TRIPS).then(() => {}),
    options,
  );
  bench('ts-chan (npm) Chan', () => pingPongAsync(tsChan, ROUND_TRIPS).then(() => {}), options);
  bench(
    'floor: one promise per hand-off',
    () => pingPongFloor(ROUND_TRIPS).then(() => {}),
    options,
  );
});
