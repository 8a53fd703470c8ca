// In one thread, a lock that has to wait waits forever: no other thread can release it. So a
// single-thread spec can ask "is every lock free again?" by running the next operations with
// `Atomics.wait` made to throw: a lock left held shows up at once, named, instead of a hang.

export class WouldBlockForever extends Error {
  override name = 'WouldBlockForever';
}

/** Runs `body`; if anything in it calls `Atomics.wait`, throws a WouldBlockForever naming `what`. */
export function withoutBlocking<T>(what: string, body: () => T): T {
  const wait = Atomics.wait;
  Atomics.wait = () => {
    throw new WouldBlockForever(
      `${what} had to wait for a lock, in a single thread: nothing can ever release it ` +
        '(a deadlock; was a lock left held when an operation threw?)',
    );
  };
  try {
    return body();
  } finally {
    Atomics.wait = wait;
  }
}
