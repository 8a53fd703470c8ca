/** The plain `counter[index]++` of experiment A, kept on the test side for the demonstration. */
export function naiveAddMany(counter: Int32Array, index: number, times: number): void {
  for (let i = 0; i < times; i++) {
    counter[index]!++;
  }
}
