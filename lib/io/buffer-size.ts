// The size rule shared by kata 06's two writers (sync and async): 64 KiB by default, and
// never below 4 bytes, the longest UTF-8 character, or a character could never fit.
export const DEFAULT_SIZE = 65_536;
export const MIN_SIZE = 4;

/** `size`, if a buffer of that many bytes can hold any character; else a RangeError. */
export function checkedSize(size: number): number {
  if (!Number.isInteger(size) || size < MIN_SIZE) {
    throw new RangeError(
      `buffer size must be an integer of at least ${MIN_SIZE} bytes (the longest UTF-8 character); got ${size}`,
    );
  }
  return size;
}
