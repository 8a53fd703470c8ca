// Experiment G on the event loop: two async tasks pass a token back and forth over two
// unbuffered channels, the analogue of two goroutines under GOMAXPROCS(1). It takes the
// channel as a factory, so kata 07's specs and bench run it on the learner's Channel, the
// reference, or a library's.

/** The part of a channel the ping-pong uses: Go's send and receive. */
export interface HandOff<T> {
  send(value: T): Promise<void>;
  recv(): Promise<{ value: T | undefined; ok: boolean }>;
}

export interface PingPongResult {
  roundTrips: number;
  elapsedMs: number;
  /** The token after the last round trip: 2 × roundTrips when no hand-off was lost. */
  token: number;
  /** Who received what, in order (only when asked for: logging costs more than a hand-off). */
  log?: string[];
}

/**
 * Ping sends the token, pong adds 1 and sends it back, ping adds 1: one round trip, two
 * hand-offs. A receive that finds the wrong token throws at once.
 */
export async function pingPongAsync(
  channel: () => HandOff<number>,
  roundTrips: number,
  options: { log?: boolean } = {},
): Promise<PingPongResult> {
  const toPong = channel();
  const toPing = channel();
  const log = options.log ? ([] as string[]) : undefined;
  const expect = (who: string, got: { value: number | undefined; ok: boolean }, want: number) => {
    if (!got.ok || got.value !== want) {
      throw new Error(
        `${who} received ${got.ok ? got.value : 'a closed channel'}, expected token ${want}`,
      );
    }
    log?.push(`${who} got ${want}`);
    return want + 1;
  };
  let token = 0;
  const started = performance.now();
  const pong = (async () => {
    for (let i = 0; i < roundTrips; i++) {
      await toPing.send(expect('pong', await toPong.recv(), 2 * i));
    }
  })();
  const ping = (async () => {
    for (let i = 0; i < roundTrips; i++) {
      await toPong.send(token);
      token = expect('ping', await toPing.recv(), token + 1);
    }
  })();
  await Promise.all([ping, pong]);
  return { roundTrips, elapsedMs: performance.now() - started, token, ...(log ? { log } : {}) };
}
