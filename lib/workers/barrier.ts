/**
 * A reusable barrier in shared memory: the last thread to arrive releases the others.
 * Layout: [arrived, generation]. Works across worker threads (blocking `Atomics.wait`).
 */
export class Barrier {
  static readonly WORDS = 2;
  private readonly words: Int32Array;

  constructor(
    readonly parties: number,
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(Barrier.WORDS * 4),
  ) {
    if (!Number.isInteger(parties) || parties < 1) {
      throw new RangeError(`a barrier needs at least 1 party; got ${parties}`);
    }
    this.words = new Int32Array(buffer, 0, Barrier.WORDS);
  }

  /** Blocks until `parties` threads have arrived. Returns true in exactly one of them. */
  arriveAndWait(): boolean {
    const generation = Atomics.load(this.words, 1);
    if (Atomics.add(this.words, 0, 1) === this.parties - 1) {
      Atomics.store(this.words, 0, 0);
      Atomics.add(this.words, 1, 1);
      Atomics.notify(this.words, 1);
      return true;
    }
    while (Atomics.load(this.words, 1) === generation) {
      Atomics.wait(this.words, 1, generation);
    }
    return false;
  }
}
