// Wrong: atomic, but always into slot 0. Fine while every caller counts into slot 0.
// Rejected by: add-many.test.ts
export function addMany(counter: Int32Array, _index: number, times: number): void {
  for (let i = 0; i < times; i++) Atomics.add(counter, 0, 1);
}
