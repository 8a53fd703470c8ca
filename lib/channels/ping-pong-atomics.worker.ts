// One side of (b): waits for its turn on the shared word, checks and bumps the token,
// hands the turn over and wakes the other side.
import { defineWorkerTask } from '../workers/task.ts';
import {
  type AtomicsPingPongData,
  type AtomicsRound,
  PING,
  PONG,
  WORDS,
} from './ping-pong-atomics.ts';
import { checkToken, type SideResult } from './ping-pong-threads.ts';

/** Returns once the turn is `me`: first `spin` plain reads, then futex sleeps. */
function awaitTurn(words: Int32Array, me: number, spin: number): void {
  for (let i = 0; i < spin; i++) if (Atomics.load(words, WORDS.turn) === me) return;
  // Sleeps only while the word still says "the other's turn": a notify cannot be missed.
  while (Atomics.load(words, WORDS.turn) !== me) Atomics.wait(words, WORDS.turn, 1 - me);
}

defineWorkerTask<AtomicsPingPongData, AtomicsRound, SideResult>(({ buffer }, { index }) => {
  const words = new Int32Array(buffer);
  const me = index === 0 ? PING : PONG;
  const name = me === PING ? 'ping' : 'pong';
  return ({ roundTrips, spin }) => {
    const started = performance.now();
    for (let i = 0; i < roundTrips; i++) {
      awaitTurn(words, me, spin);
      const token = checkToken(name, Atomics.load(words, WORDS.token), 2 * i + me);
      Atomics.store(words, WORDS.token, token);
      Atomics.store(words, WORDS.turn, 1 - me);
      Atomics.notify(words, WORDS.turn);
    }
    if (me === PING) awaitTurn(words, me, spin); // the last token back
    return { elapsedMs: performance.now() - started, token: 2 * roundTrips };
  };
});
