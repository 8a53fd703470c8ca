// Experiment G: Go's unbuffered channel, for the event loop. As it stands this is the
// "channel" everyone writes first: an array and a promise. A send never waits, so a fast
// producer buffers without bound and nobody ever meets anybody; `select` takes the first
// ready case every time; nothing ever lets the macrotask queue run.
//
// Make it Go's channel: an unbuffered send resolves only once a receiver has taken the
// value (a rendezvous); a buffered one waits while the buffer is full; waiters are served
// first come, first served; `select` picks uniformly at random among the ready cases.

/** What a receive returns: `ok` is false once the channel is closed and drained. */
export type Received<T> = { value: T; ok: true } | { value: undefined; ok: false };

export interface WaitOptions {
  /** Aborting gives up the wait: the operation rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/** Go panics with "send on closed channel"; here, the send rejects with this. */
export class SendOnClosedChannelError extends Error {
  override name = 'SendOnClosedChannelError';
  constructor() {
    super('send on closed channel');
  }
}

/** Go panics with "close of closed channel". */
export class CloseOfClosedChannelError extends Error {
  override name = 'CloseOfClosedChannelError';
  constructor() {
    super('close of closed channel');
  }
}

/**
 * A producer and a consumer that never have to wait still let the macrotask queue (timers,
 * I/O) run at least once every YIELD_EVERY operations. Go's scheduler preempts a goroutine
 * that runs too long; the event loop cannot, so the channel must step aside itself.
 */
export const YIELD_EVERY = 1024;

export class Channel<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private readonly receivers: ((received: Received<T>) => void)[] = [];
  private closed = false;

  constructor(readonly capacity = 0) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`a channel's capacity is a whole number >= 0; got ${capacity}`);
    }
  }

  /** How many values wait in the buffer (Go's `len(ch)`). */
  get length(): number {
    return this.items.length;
  }

  /** Unbuffered: resolves once a receiver has taken the value. Buffered: once it is buffered. */
  send(value: T, options: WaitOptions = {}): Promise<void> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    if (this.closed) return Promise.reject(new SendOnClosedChannelError());
    const receiver = this.receivers.shift();
    if (receiver) receiver({ value, ok: true });
    else this.items.push(value);
    return Promise.resolve();
  }

  /** The next value, or `{ value: undefined, ok: false }` once closed and drained. */
  recv(options: WaitOptions = {}): Promise<Received<T>> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    const received = this.tryRecv();
    if (received) return Promise.resolve(received);
    return new Promise((resolve) => this.receivers.push(resolve));
  }

  /** Sends only if that needs no waiting; true if the value went. */
  trySend(value: T): boolean {
    if (this.closed) throw new SendOnClosedChannelError();
    const receiver = this.receivers.shift();
    if (receiver) receiver({ value, ok: true });
    else this.items.push(value);
    return true;
  }

  /** A value if one is ready, `{ ok: false }` if closed and drained, else undefined. */
  tryRecv(): Received<T> | undefined {
    if (this.items.length > 0) return { value: this.items.shift() as T, ok: true };
    if (this.closed) return { value: undefined, ok: false };
    return undefined;
  }

  /** No more sends. Receivers drain the buffer, then get `ok: false` for ever. */
  close(): void {
    if (this.closed) throw new CloseOfClosedChannelError();
    this.closed = true;
    for (const receiver of this.receivers.splice(0)) receiver({ value: undefined, ok: false });
  }

  /** `for await (const v of ch)`: every value until the channel is closed and drained. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const { value, ok } = await this.recv();
      if (!ok) return;
      yield value;
    }
  }
}

/** A `select` case: receive from a channel, or send a value to it. `null` never fires. */
export type SelectCase<T = unknown> =
  | { recv: Channel<T> | null }
  | { send: Channel<T> | null; value: T };

export interface SelectOptions extends WaitOptions {
  /** Take `{ index: -1 }` at once when no case is ready (Go's `default:`). */
  default?: boolean;
  /** Picks among ready cases; seed it for a reproducible run. Math.random by default. */
  random?: () => number;
}

/** Which case ran: its index, and for a receive what it got. `index: -1` is the default. */
export interface Selected {
  index: number;
  value?: unknown;
  ok?: boolean;
}

/** Go's `select`: runs one ready case, chosen uniformly at random; waits if none is ready. */
export async function select(
  // biome-ignore lint/suspicious/noExplicitAny: cases mix channels of different element types
  cases: readonly SelectCase<any>[],
  options: SelectOptions = {},
): Promise<Selected> {
  for (;;) {
    for (const [index, c] of cases.entries()) {
      // The first ready case wins, every time.
      const received = 'recv' in c ? c.recv?.tryRecv() : undefined;
      if (received) return { index, value: received.value, ok: received.ok };
      if ('send' in c && c.send?.trySend(c.value)) return { index };
    }
    if (options.default) return { index: -1 };
    if (options.signal?.aborted) throw options.signal.reason;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
