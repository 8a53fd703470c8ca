// What the two thread ping-pongs, (b) and (c), share: two workers, ping (worker 0) and pong
// (worker 1), that play as many rounds as asked, each started together behind the pool's
// barrier and bounded in time. Starting a worker costs far more than a round, so a
// ping-pong keeps its two workers until it is closed.
import { startWorkerPool, type WorkerPoolOptions } from '../workers/pool.ts';

export interface ThreadPingPongResult {
  roundTrips: number;
  /** Ping's time from its first send to its last receive. */
  elapsedMs: number;
  /** 2 × roundTrips when no hand-off was lost or repeated. */
  token: number;
}

/** What each side reports. */
export interface SideResult {
  elapsedMs: number;
  token: number;
}

export interface ThreadPingPong<P> {
  run(roundTrips: number, options?: P): Promise<ThreadPingPongResult>;
  close(): Promise<void>;
}

export const ROUND_TIMEOUT_MS = 10_000;

export async function openPingPong<D, P>(
  options: Pick<WorkerPoolOptions<D>, 'entry' | 'data' | 'transferList'>,
  round: (roundTrips: number, options: P | undefined) => unknown,
): Promise<ThreadPingPong<P>> {
  const pool = await startWorkerPool<D, unknown, SideResult>({
    ...options,
    count: 2,
    timeoutMs: ROUND_TIMEOUT_MS,
  });
  return {
    async run(roundTrips, runOptions) {
      const [ping, pong] = await pool.run(round(roundTrips, runOptions));
      if (ping!.token !== pong!.token) {
        throw new Error(`ping ended with token ${ping!.token}, pong with ${pong!.token}`);
      }
      return { roundTrips, elapsedMs: ping!.elapsedMs, token: ping!.token };
    },
    close: () => pool.close(),
  };
}

/** The token check both sides make on every receive. */
export function checkToken(who: string, got: number, want: number): number {
  if (got !== want) throw new Error(`${who} received token ${got}, expected ${want}`);
  return want + 1;
}
