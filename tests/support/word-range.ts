// A lock that lives in `words` Int32 words of a SharedArrayBuffer, at word `index`: what it
// must refuse, with an error that names the problem (lib/shared-memory/shared-words.ts).
import { expect } from 'vitest';

type Construct = (buffer: SharedArrayBuffer, index: number) => unknown;

export function expectWordRangeChecks(construct: Construct, words: number, what: string): void {
  const notShared = new ArrayBuffer(words * 4) as unknown as SharedArrayBuffer;
  expect(() => construct(notShared, 0), 'a plain ArrayBuffer is not shared').toThrow(TypeError);
  expect(() => construct(notShared, 0), 'the error must say what is missing').toThrow(
    `${what} needs a SharedArrayBuffer`,
  );
  const available = words + 1;
  const buffer = new SharedArrayBuffer(available * Int32Array.BYTES_PER_ELEMENT);
  for (const index of [-1, 0.5, 2]) {
    expect(() => construct(buffer, index), `index ${index} is outside the buffer`).toThrow(
      new RangeError(
        `${what} needs ${words} Int32 word(s) at index ${index}; the buffer has ${available}`,
      ),
    );
  }
  expect(() => construct(buffer, 1), 'the last words of the buffer are in range').not.toThrow();
}
