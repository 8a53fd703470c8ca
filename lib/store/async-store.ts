// A simulated remote key-value store (think Redis or a database row). Every operation
// crosses an `await`, so other tasks run in between: the event loop's version of a
// thread switch. Not part of any exercise.

/** The minimum a store offers: read and write. */
export interface ReadWriteStore {
  get(key: string): Promise<number>;
  set(key: string, value: number): Promise<void>;
}

/** A store with a conditional write, and nothing else atomic. */
export interface CasStore extends ReadWriteStore {
  /** Writes `next` only if the value is still `expected`; says whether it did. */
  compareAndSet(key: string, expected: number, next: number): Promise<boolean>;
}

/** A store with a server-side atomic increment (Redis INCR, SQL `SET n = n + 1`). */
export interface AtomicStore extends CasStore {
  incr(key: string): Promise<number>;
}

export type StoreOperation = 'get' | 'set' | 'incr' | 'compareAndSet';

/** Called on every round trip; the store's effect happens after it resolves. */
export type RoundTrip = (operation: StoreOperation, key: string) => Promise<void>;

const nextTick: RoundTrip = () => new Promise((resolve) => setImmediate(resolve));

export class SimulatedStore implements AtomicStore {
  constructor(
    private readonly roundTrip: RoundTrip = nextTick,
    private readonly values = new Map<string, number>(),
    /** Round trips per operation, to compare strategies. */
    readonly calls: Record<StoreOperation, number> = { get: 0, set: 0, incr: 0, compareAndSet: 0 },
  ) {}

  /** Another client of the same data with its own round trips (e.g. one per task). */
  client(roundTrip: RoundTrip): SimulatedStore {
    return new SimulatedStore(roundTrip, this.values, this.calls);
  }

  async get(key: string): Promise<number> {
    await this.trip('get', key);
    return this.values.get(key) ?? 0;
  }

  async set(key: string, value: number): Promise<void> {
    await this.trip('set', key);
    this.values.set(key, value);
  }

  async incr(key: string): Promise<number> {
    await this.trip('incr', key);
    const next = (this.values.get(key) ?? 0) + 1;
    this.values.set(key, next);
    return next;
  }

  async compareAndSet(key: string, expected: number, next: number): Promise<boolean> {
    await this.trip('compareAndSet', key);
    if ((this.values.get(key) ?? 0) !== expected) return false;
    this.values.set(key, next);
    return true;
  }

  /** Reads without a round trip, for assertions. */
  peek(key: string): number {
    return this.values.get(key) ?? 0;
  }

  private trip(operation: StoreOperation, key: string): Promise<void> {
    this.calls[operation]++;
    return this.roundTrip(operation, key);
  }
}

/** Only get/set/compareAndSet: proves a caller does not lean on `incr`. */
export function casOnly(store: CasStore): CasStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    compareAndSet: (key, expected, next) => store.compareAndSet(key, expected, next),
  };
}
