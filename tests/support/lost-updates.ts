import { expect } from 'vitest';

const count = (n: number) => n.toLocaleString('en-US');

/** Fails with the phenomenon's name: "lost 18,348 of 50,000 updates". */
export function expectNoLostUpdates(actual: number, expected: number, context = ''): void {
  const where = context ? ` (${context})` : '';
  const message =
    actual < expected
      ? `lost ${count(expected - actual)} of ${count(expected)} updates${where}: the counter ended at ${count(actual)}`
      : `counted ${count(actual - expected)} updates twice${where}: the counter ended at ${count(actual)}`;
  expect(actual, message).toBe(expected);
}
