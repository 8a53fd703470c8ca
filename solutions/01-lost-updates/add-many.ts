/** Adds 1 to `counter[index]`, `times` times. Four worker threads share `counter`. */
export function addMany(counter: Int32Array, index: number, times: number): void {
  for (let i = 0; i < times; i++) {
    // One indivisible read-modify-write (a LOCK XADD on x86).
    Atomics.add(counter, index, 1);
  }
}
