/** Adds 1 to `counter[index]`, `times` times. Four worker threads share `counter`. */
export function addMany(counter: Int32Array, index: number, times: number): void {
  for (let i = 0; i < times; i++) {
    counter[index]!++;
  }
}
