// POSTs over many keep-alive connections, a signal to the service in the middle, and what
// became of every request: answered (status, Connection header) or cut off (reset, hang-up).
import { Agent, request } from 'node:http';
import type { Album } from '../../lib/album/album-store.ts';
import { albumNumber } from '../09-album-service/albums.ts';

export interface Outcome {
  /**
   * The request was handed to the kernel on a connected socket before the signal was sent.
   * ('finish' alone is not enough: a socket still connecting buffers the request in Node.)
   */
  sentBeforeSignal: boolean;
  status?: number;
  connectionClose?: boolean;
  album?: Album;
  /** `ECONNRESET`, `ECONNREFUSED`, …: the request got no answer. */
  error?: string;
  /** Sent on a kept-alive connection (rather than a new one). */
  reused?: boolean;
}

export interface LoadOptions {
  connections: number;
  /** The signal goes after this many answers. */
  signalAfter: number;
  /** Sends the signal (synchronously). */
  signal: () => void;
  /** Stops a connection that gets no answer within this time. */
  requestTimeoutMs?: number;
}

export interface LoadResult {
  outcomes: Outcome[];
  /** Requests written before the signal whose connection closed without an answer. */
  cutOff: Outcome[];
  /** The 201s: albums the service acknowledged. */
  created: Album[];
  /** Answers to requests written after the signal. */
  afterSignal: Outcome[];
  /** The last request of each connection: it ends on an answer with Connection: close, or not. */
  last: Outcome[];
}

const PER_CONNECTION_LIMIT = 200;

export async function signalUnderLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  const { connections, signalAfter, signal, requestTimeoutMs = 15_000 } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const outcomes: Outcome[] = [];
  let signalled = false;
  let answers = 0;
  let sequence = 0;

  const post = () =>
    new Promise<Outcome>((resolve) => {
      const body = JSON.stringify(albumNumber(++sequence));
      const outcome: Outcome = { sentBeforeSignal: false };
      const req = request(`${url}/albums`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.setTimeout(requestTimeoutMs, () => req.destroy(new Error('ETIMEDOUT')));
      req.on('finish', () => {
        outcome.reused = req.reusedSocket;
        const socket = req.socket;
        if (socket && !socket.connecting) outcome.sentBeforeSignal = !signalled;
        else
          socket?.once('connect', () => {
            outcome.sentBeforeSignal = !signalled;
          });
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          outcome.status = res.statusCode;
          outcome.connectionClose = /close/i.test(res.headers.connection ?? '');
          if (res.statusCode === 201) outcome.album = JSON.parse(text) as Album;
          resolve(outcome);
        });
        res.on('error', (error: NodeJS.ErrnoException) => {
          outcome.error = error.code ?? error.message;
          resolve(outcome);
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        outcome.error = error.code ?? error.message;
        resolve(outcome);
      });
      req.end(body);
    });

  // Every connection is opened and answered once before the load starts: a connection the
  // service has not accepted yet has delivered nothing, and its fate says nothing about a drain.
  let warm = 0;
  let allWarm = () => {};
  const warmedUp = new Promise<void>((resolve) => {
    allWarm = resolve;
  });
  const connection = async () => {
    const first = await post();
    outcomes.push(first);
    if (++warm === connections) allWarm();
    await warmedUp;
    if (first.status === undefined) return;
    for (let i = 0; i < PER_CONNECTION_LIMIT; i++) {
      const outcome = await post();
      outcomes.push(outcome);
      if (outcome.status !== undefined && ++answers === signalAfter) {
        signalled = true;
        signal();
      }
      // Until the service closes the connection (or fails to answer).
      if (outcome.error || outcome.connectionClose || i === PER_CONNECTION_LIMIT - 1) {
        last.push(outcome);
        return;
      }
    }
  };
  const last: Outcome[] = [];
  await Promise.all(Array.from({ length: connections }, connection));
  agent.destroy();
  return {
    outcomes,
    cutOff: outcomes.filter((o) => o.sentBeforeSignal && o.status === undefined),
    created: outcomes.flatMap((o) => (o.album ? [o.album] : [])),
    afterSignal: outcomes.filter((o) => !o.sentBeforeSignal && o.status !== undefined),
    last,
  };
}

/** "12 × 201, 3 × 503 (Connection: close), 2 × ECONNRESET": for messages and reports. */
export function summarize(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key =
      o.status !== undefined
        ? `${o.status}${o.connectionClose ? ' (Connection: close)' : ''}`
        : (o.error ?? 'no answer');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n} × ${key}`).join(', ');
}
