// Experiment G across threads, (b): the token lives in shared memory, and whose turn it is
// is one Int32 word. A party whose turn it is not sleeps in `Atomics.wait` (a futex wait in
// the kernel) until the other stores the turn and calls `Atomics.notify`. With `spin` > 0
// it first re-reads the word that many times: a hand-off that comes within the spin costs
// no system call and no sleep, at the price of burning a core meanwhile.
import { fileURLToPath } from 'node:url';
import { openPingPong, type ThreadPingPong } from './ping-pong-threads.ts';

export const WORDS = { turn: 0, token: 1 } as const;
export const PING = 0;
export const PONG = 1;

export interface AtomicsPingPongData {
  buffer: SharedArrayBuffer;
}

export interface AtomicsRound {
  roundTrips: number;
  /** Reads of the word before each sleep; 0 sleeps at once. */
  spin: number;
}

const entry = fileURLToPath(new URL('./ping-pong-atomics.worker.ts', import.meta.url));

export async function openAtomicsPingPong(): Promise<ThreadPingPong<{ spin: number }>> {
  const buffer = new SharedArrayBuffer(4 * Object.keys(WORDS).length);
  const words = new Int32Array(buffer);
  return openPingPong<AtomicsPingPongData, { spin: number }>(
    { entry, data: () => ({ buffer }) },
    (roundTrips, options): AtomicsRound => {
      // Set before the round's barrier: both workers read them after it.
      Atomics.store(words, WORDS.turn, PING);
      Atomics.store(words, WORDS.token, 0);
      return { roundTrips, spin: options?.spin ?? 0 };
    },
  );
}
