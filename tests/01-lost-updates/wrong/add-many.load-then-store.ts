// Wrong: each access is atomic, the read-modify-write is not. Another thread can store
// between this load and this store, and its update is overwritten.
// Rejected by: add-many.threads.test.ts
export function addMany(counter: Int32Array, index: number, times: number): void {
  for (let i = 0; i < times; i++) {
    Atomics.store(counter, index, Atomics.load(counter, index) + 1);
  }
}
