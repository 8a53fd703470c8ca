// Go's channel for the event loop.
//
// Invariants, which every method keeps before it returns:
// - A waiting receiver and a buffered value never coexist: a receiver waits only on an
//   empty buffer, and a send hands its value straight to the oldest waiting receiver.
// - Senders wait only when nobody can take their value: no waiting receiver and a full
//   buffer (capacity 0 is always full). A receive that frees a slot pulls the oldest waiting
//   sender's value into the buffer at once, so the buffer stays FIFO across waiters.
// - Every waiter is settled exactly once, by whoever removes it from its queue: a partner,
//   close(), its abort signal, or the select it belongs to. Removing comes first, settling
//   second, in one synchronous step: nobody can see a waiter that is half taken.
// - A hand-off is complete the moment the partner removes the waiter. So an abort that
//   arrives later finds nothing to cancel, and a receive keeps the value it was handed.

export type Received<T> = { value: T; ok: true } | { value: undefined; ok: false };

export interface WaitOptions {
  signal?: AbortSignal;
}

export class SendOnClosedChannelError extends Error {
  override name = 'SendOnClosedChannelError';
  constructor() {
    super('send on closed channel');
  }
}

export class CloseOfClosedChannelError extends Error {
  override name = 'CloseOfClosedChannelError';
  constructor() {
    super('close of closed channel');
  }
}

/**
 * At most this many channel operations complete between two turns of the macrotask queue.
 * A producer and a consumer that never wait would otherwise run on microtasks for ever,
 * and timers and I/O would starve: Go's scheduler preempts, the event loop cannot.
 */
export const YIELD_EVERY = 1024;

// The budget is shared by every channel: starvation is a property of the whole loop.
let budget = YIELD_EVERY;
let turn: Promise<void> | undefined;

/**
 * Spends one operation; true when the caller must wait for the macrotask turn first. Exactly
 * YIELD_EVERY operations go through between two turns: the one that finds the budget spent
 * waits, and after the turn it is the first of the next YIELD_EVERY.
 */
function mustYield(): boolean {
  if (turn) return true;
  if (budget-- > 0) return false;
  turn = new Promise((resolve) =>
    setImmediate(() => {
      budget = YIELD_EVERY;
      turn = undefined;
      resolve();
    }),
  );
  return true;
}

const CLOSED: Received<never> = Object.freeze({ value: undefined, ok: false });
const DONE = Promise.resolve();

/** One party parked in a channel's queue: a plain send or receive, or one case of a select. */
class Waiter {
  resolve: (result: never) => void = noop;
  reject: (error: unknown) => void = noop;
  /** Set when this waiter is one case of a select; the select then settles it. */
  select: PendingSelect | undefined = undefined;
  index = 0;
  signal: AbortSignal | undefined = undefined;
  onAbort: (() => void) | undefined = undefined;

  /** `value` is a sender's value. */
  constructor(readonly value: unknown) {}
}

const noop = () => {};

/** Parks a plain send or receive in `queue`; the promise settles when someone takes it out. */
function park<R>(queue: Waiter[], value: unknown, signal: AbortSignal | undefined): Promise<R> {
  const waiter = new Waiter(value);
  const promise = new Promise<R>((resolve, reject) => {
    waiter.resolve = resolve as (result: never) => void;
    waiter.reject = reject;
  });
  queue.push(waiter);
  if (signal) cancelOnAbort(waiter, queue, signal);
  return promise;
}

function removeFrom(queue: Waiter[], waiter: Waiter): void {
  const at = queue.indexOf(waiter);
  if (at >= 0) queue.splice(at, 1);
}

function forgetSignal(waiter: Waiter): void {
  if (waiter.onAbort) waiter.signal!.removeEventListener('abort', waiter.onAbort);
}

/** Listens for the abort that would take this waiter out of its queue before a partner does. */
function cancelOnAbort(waiter: Waiter, queue: Waiter[], signal: AbortSignal): void {
  waiter.signal = signal;
  // A partner that takes the waiter removes this listener in the same step (forgetSignal):
  // an abort that comes after the hand-off finds nothing to undo, and the value stands.
  waiter.onAbort = () => {
    removeFrom(queue, waiter);
    waiter.reject(signal.reason);
  };
  signal.addEventListener('abort', waiter.onAbort, { once: true });
}

// The steps `select` needs. Their keys never leave this module, so no other code can call
// them: the channel has no hooks.
const READY: unique symbol = Symbol('ready');
const RUN: unique symbol = Symbol('run');
const PARK: unique symbol = Symbol('park');
const UNPARK: unique symbol = Symbol('unpark');

export class Channel<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private readonly receivers: Waiter[] = [];
  private readonly senders: Waiter[] = [];
  private closed = false;

  constructor(readonly capacity = 0) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError(`a channel's capacity is a whole number >= 0; got ${capacity}`);
    }
  }

  get length(): number {
    return this.buffer.length;
  }

  send(value: T, options?: WaitOptions): Promise<void> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (mustYield()) return turn!.then(() => this.send(value, options));
    if (this.closed) return Promise.reject(new SendOnClosedChannelError());
    if (this.offer(value)) return DONE;
    return park<void>(this.senders, value, signal);
  }

  recv(options?: WaitOptions): Promise<Received<T>> {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (mustYield()) return turn!.then(() => this.recv(options));
    const received = this.poll();
    if (received) return Promise.resolve(received);
    return park<Received<T>>(this.receivers, undefined, signal);
  }

  trySend(value: T): boolean {
    return this.offer(value);
  }

  tryRecv(): Received<T> | undefined {
    return this.poll();
  }

  close(): void {
    if (this.closed) throw new CloseOfClosedChannelError();
    this.closed = true;
    // One at a time: a select that wins here takes its other waiters out of these queues.
    // Receivers wait only on an empty buffer: they get ok = false now.
    while (this.receivers.length > 0) deliver(this.receivers.shift()!, undefined, false);
    // Go panics in every sender blocked on a channel that closes.
    while (this.senders.length > 0) fail(this.senders.shift()!, new SendOnClosedChannelError());
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const received = await this.recv();
      if (!received.ok) return;
      yield received.value;
    }
  }

  /** Completes a send now if that needs no waiting; throws on a closed channel. */
  private offer(value: T): boolean {
    if (this.closed) throw new SendOnClosedChannelError();
    if (this.receivers.length > 0) {
      deliver(this.receivers.shift()!, value, true);
      return true;
    }
    if (this.buffer.length < this.capacity) {
      this.buffer.push(value);
      return true;
    }
    return false;
  }

  /** Completes a receive now if that needs no waiting. */
  private poll(): Received<T> | undefined {
    if (this.buffer.length > 0) {
      const value = this.buffer.shift() as T;
      // A slot is free: the oldest waiting sender's value moves into it, and that send is done.
      if (this.senders.length > 0) {
        const sender = this.senders.shift()!;
        this.buffer.push(sender.value as T);
        complete(sender);
      }
      return { value, ok: true };
    }
    if (this.senders.length > 0) {
      const sender = this.senders.shift()!;
      complete(sender);
      return { value: sender.value as T, ok: true };
    }
    return this.closed ? CLOSED : undefined;
  }

  /** Whether a case could run now (a send on a closed channel is "ready": it throws). */
  [READY](side: 'send' | 'recv'): boolean {
    if (side === 'recv') return this.buffer.length > 0 || this.senders.length > 0 || this.closed;
    return this.closed || this.receivers.length > 0 || this.buffer.length < this.capacity;
  }

  [PARK](side: 'send' | 'recv', waiter: Waiter): void {
    (side === 'send' ? this.senders : this.receivers).push(waiter);
  }

  [UNPARK](side: 'send' | 'recv', waiter: Waiter): void {
    removeFrom(side === 'send' ? this.senders : this.receivers, waiter);
  }

  /** Runs a case that `ready` allowed. */
  [RUN](side: 'send' | 'recv', value: unknown): Received<T> | undefined {
    if (side === 'send') {
      this.offer(value as T);
      return undefined;
    }
    return this.poll();
  }
}

/** A receiver is handed a value (or `ok = false` at close): its receive is done. */
function deliver(waiter: Waiter, value: unknown, ok: boolean): void {
  if (waiter.select) {
    waiter.select.finish({ index: waiter.index, value, ok });
    return;
  }
  forgetSignal(waiter);
  (waiter.resolve as (result: Received<unknown>) => void)(ok ? { value, ok: true } : CLOSED);
}

/** A sender's value was taken: its send is done. */
function complete(waiter: Waiter): void {
  if (waiter.select) {
    waiter.select.finish({ index: waiter.index });
    return;
  }
  forgetSignal(waiter);
  (waiter.resolve as () => void)();
}

function fail(waiter: Waiter, error: Error): void {
  if (waiter.select) {
    waiter.select.fail(error);
    return;
  }
  forgetSignal(waiter);
  waiter.reject(error);
}

export type SelectCase<T = unknown> =
  | { recv: Channel<T> | null }
  | { send: Channel<T> | null; value: T };

export interface SelectOptions extends WaitOptions {
  default?: boolean;
  random?: () => number;
}

export interface Selected {
  index: number;
  value?: unknown;
  ok?: boolean;
}

const sideOf = (c: SelectCase<unknown>): 'send' | 'recv' => ('send' in c ? 'send' : 'recv');
const channelOf = (c: SelectCase<unknown>): Channel<unknown> | null =>
  'send' in c ? c.send : c.recv;

/**
 * A select parked on the channel of every case. The first partner to take one of its waiters
 * out of a queue wins, and in that same step `leave` takes the other waiters out of theirs
 * and drops the abort listener: nobody can reach a select twice.
 */
class PendingSelect {
  readonly waiters: Waiter[] = [];

  constructor(
    private readonly cases: readonly SelectCase<unknown>[],
    private readonly resolve: (selected: Selected) => void,
    private readonly reject: (error: unknown) => void,
    private readonly signal: AbortSignal | undefined,
    private readonly onAbort: () => void,
  ) {}

  finish(selected: Selected): void {
    this.leave();
    this.resolve(selected);
  }

  fail(error: unknown): void {
    this.leave();
    this.reject(error);
  }

  /** Takes every waiter out of its channel's queue (the winner is out already). */
  leave(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
    for (const waiter of this.waiters) {
      const c = this.cases[waiter.index]!;
      channelOf(c)![UNPARK](sideOf(c), waiter);
    }
  }
}

export function select(
  // biome-ignore lint/suspicious/noExplicitAny: cases mix channels of different element types
  cases: readonly SelectCase<any>[],
  options: SelectOptions = {},
): Promise<Selected> {
  const { signal, random = Math.random } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (mustYield()) return turn!.then(() => select(cases, options));
  try {
    // Go polls the cases in a random order and runs the first ready one; picking uniformly
    // among the ready ones is the same distribution. A null channel is never ready.
    let ready = 0;
    for (const c of cases) {
      const channel = channelOf(c);
      if (channel?.[READY](sideOf(c))) ready++;
    }
    if (ready > 0) {
      let pick = Math.min(ready - 1, Math.floor(random() * ready));
      for (const [index, c] of cases.entries()) {
        const channel = channelOf(c);
        if (!channel?.[READY](sideOf(c)) || pick-- > 0) continue;
        const side = sideOf(c);
        const received = channel[RUN](side, 'value' in c ? c.value : undefined);
        return Promise.resolve(
          side === 'send' ? { index } : { index, value: received!.value, ok: received!.ok },
        );
      }
    }
  } catch (error) {
    return Promise.reject(error);
  }
  if (options.default) return Promise.resolve({ index: -1 });
  return new Promise<Selected>((resolve, reject) => {
    const onAbort = () => {
      pending.leave();
      reject(signal!.reason);
    };
    const pending = new PendingSelect(cases, resolve, reject, signal, onAbort);
    for (const [index, c] of cases.entries()) {
      const channel = channelOf(c);
      if (!channel) continue;
      const waiter = new Waiter('value' in c ? c.value : undefined);
      waiter.select = pending;
      waiter.index = index;
      pending.waiters.push(waiter);
      channel[PARK](sideOf(c), waiter);
    }
    // No `once` needed: onAbort runs leave(), which removes this listener, as a win does.
    signal?.addEventListener('abort', onAbort);
  });
}
