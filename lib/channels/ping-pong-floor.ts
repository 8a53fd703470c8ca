// The floor for a hand-off on one thread: the least code that can pass a token to a task
// that waits for it. Per hand-off, ONE promise: the receiver creates it and awaits it, the
// sender resolves it. A channel's rendezvous settles two things per hand-off (the receive,
// and the send that learns its value was taken), so it cannot go below this.
import type { PingPongResult } from './ping-pong-async.ts';

/** A one-slot mailbox: `take` returns a promise that the next `put` resolves. */
class Slot {
  private resolve: ((token: number) => void) | undefined;
  private early: number | undefined;

  put(token: number): void {
    const resolve = this.resolve;
    this.resolve = undefined;
    if (resolve) resolve(token);
    else this.early = token;
  }

  take(): Promise<number> | number {
    const early = this.early;
    if (early !== undefined) {
      this.early = undefined;
      return early;
    }
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }
}

export async function pingPongFloor(roundTrips: number): Promise<PingPongResult> {
  const toPong = new Slot();
  const toPing = new Slot();
  const started = performance.now();
  const pong = (async () => {
    for (let i = 0; i < roundTrips; i++) toPing.put((await toPong.take()) + 1);
  })();
  let token = 0;
  const ping = (async () => {
    for (let i = 0; i < roundTrips; i++) {
      toPong.put(token + 1);
      const back = await toPing.take();
      if (back !== token + 2) throw new Error(`ping received ${back}, expected ${token + 2}`);
      token = back;
    }
  })();
  await Promise.all([ping, pong]);
  return { roundTrips, elapsedMs: performance.now() - started, token };
}
