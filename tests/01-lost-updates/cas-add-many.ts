/** Lock-free add by compare-and-swap: what `Atomics.add` saves you from writing. */
export function casLoopAddMany(counter: Int32Array, index: number, times: number): void {
  for (let i = 0; i < times; i++) {
    let seen = Atomics.load(counter, index);
    for (;;) {
      const witnessed = Atomics.compareExchange(counter, index, seen, seen + 1);
      if (witnessed === seen) break;
      seen = witnessed;
    }
  }
}
