// The worker's end of Locust's RPC (locust/rpc/zmqrpc.py, Client): a ZeroMQ DEALER connected
// to the master's ROUTER, its routing id the worker's node id. ZeroMQ reconnects by itself and
// queues what is sent before the master is up; zeromq.js allows one send at a time, so sends
// are chained in order.
import { Dealer } from 'zeromq';
import { decodeMessage, encodeMessage, type Message } from './message.ts';

/** "tcp://HOST:PORT" (the form --locust-master takes), checked. */
export function parseMasterUrl(url: string): { host: string; port: number } {
  const match = /^tcp:\/\/([^:/]+|\[[^\]]+\]):(\d{1,5})$/.exec(url);
  const port = Number(match?.[2]);
  if (!match || !(port > 0 && port < 65_536)) {
    throw new Error(`expected tcp://HOST:PORT (Locust's master port, 5557 by default); got ${url}`);
  }
  return { host: match[1]!, port };
}

export class MasterConnection {
  private socket: Dealer;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    readonly nodeId: string,
  ) {
    parseMasterUrl(url);
    this.socket = this.open();
  }

  private open(): Dealer {
    // linger: a last message (stats, quit) still goes out after close, for up to 1 s.
    const socket = new Dealer({ routingId: this.nodeId, linger: 1000 });
    socket.connect(this.url);
    return socket;
  }

  /** Queues a message; a failure to send is reported to `onError`, never thrown. */
  send(type: string, data: unknown, onError?: (error: Error) => void): Promise<void> {
    const frame = encodeMessage(type, data, this.nodeId);
    const socket = this.socket;
    this.sending = this.sending.then(() =>
      socket.closed ? undefined : socket.send(frame).catch((error: Error) => onError?.(error)),
    );
    return this.sending;
  }

  /** Messages from the master, until the connection is closed. */
  async *messages(): AsyncGenerator<Message> {
    while (true) {
      const socket = this.socket;
      let frames: Buffer[];
      try {
        frames = await socket.receive();
      } catch (error) {
        // Closed for a reconnect: go on with the new socket; closed for good: end.
        if (socket !== this.socket && !this.socket.closed) continue;
        if (this.socket.closed) return;
        throw error;
      }
      const frame = frames[frames.length - 1];
      if (frame) yield decodeMessage(frame);
    }
  }

  /** Locust's `reconnect`: a new socket with the same id (what was queued is dropped). */
  reconnect(): void {
    const old = this.socket;
    this.socket = this.open();
    old.close();
  }

  /** Waits for what was queued, then closes (linger flushes it to the master). */
  async close(): Promise<void> {
    await this.sending;
    this.socket.close();
  }
}
