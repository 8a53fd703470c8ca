// addMany's parameters, one thread: it counts into the slot it is given, and nowhere else.
import { addMany } from '@target/01-lost-updates/add-many';
import { describe, expect, it } from 'vitest';

function counters(...values: number[]): Int32Array {
  const counter = new Int32Array(
    new SharedArrayBuffer(values.length * Int32Array.BYTES_PER_ELEMENT),
  );
  counter.set(values);
  return counter;
}

describe('addMany(counter, index, times)', () => {
  it('adds `times` to counter[index] and leaves the other slots alone', () => {
    const counter = counters(7, 0, 5, 9);
    addMany(counter, 2, 1_234);
    expect([...counter], 'addMany counted into another slot than `index`').toEqual([
      7, 0, 1_239, 9,
    ]);
    addMany(counter, 0, 3);
    expect([...counter]).toEqual([10, 0, 1_239, 9]);
  });

  it('adds nothing when times is 0', () => {
    const counter = counters(4, 4);
    addMany(counter, 1, 0);
    expect([...counter]).toEqual([4, 4]);
  });
});
