/**
 * An Int32 view of `words` consecutive words of `buffer`, starting at word `index`, for a
 * synchronization primitive that lives inside a bigger SharedArrayBuffer. All-zero words
 * must mean "unlocked", so that a fresh buffer holds ready-to-use locks.
 */
export function sharedWords(
  buffer: SharedArrayBuffer,
  index: number,
  words: number,
  what: string,
): Int32Array {
  if (!(buffer instanceof SharedArrayBuffer)) {
    throw new TypeError(`${what} needs a SharedArrayBuffer, so that every thread sees it`);
  }
  const available = Math.floor(buffer.byteLength / Int32Array.BYTES_PER_ELEMENT);
  if (!Number.isInteger(index) || index < 0 || index + words > available) {
    throw new RangeError(
      `${what} needs ${words} Int32 word(s) at index ${index}; the buffer has ${available}`,
    );
  }
  return new Int32Array(buffer, index * Int32Array.BYTES_PER_ELEMENT, words);
}
