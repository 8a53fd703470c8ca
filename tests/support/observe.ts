// Watches a promise without awaiting it, so a spec can ask "has it settled yet?" between
// steps. Pair it with `flushMicrotasks()` (lock-steps.ts): after a flush, what can settle has.

export interface Observed<T> {
  readonly state: 'pending' | 'fulfilled' | 'rejected';
  readonly value: T | undefined;
  readonly error: unknown;
  /** The promise itself, already handled: awaiting it rethrows a rejection. */
  readonly promise: Promise<T>;
}

export function observe<T>(promise: Promise<T>): Observed<T> {
  const observed = {
    state: 'pending' as Observed<T>['state'],
    value: undefined as T | undefined,
    error: undefined as unknown,
    promise,
  };
  promise.then(
    (value) => {
      observed.state = 'fulfilled';
      observed.value = value;
    },
    (error: unknown) => {
      observed.state = 'rejected';
      observed.error = error;
    },
  );
  return observed;
}
