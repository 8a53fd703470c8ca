import { expect } from 'vitest';
import { type AuditableMap, audit } from '../../lib/shared-memory/shared-hash-map.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** Fails with the evidence: "the map is corrupt: 49,873 of 50,000 keys, 127 missing, …". */
export function expectIntactMap(map: AuditableMap, expectedKeys: number[], context = ''): void {
  const result = audit(map, expectedKeys);
  const where = context ? ` (${context})` : '';
  const message =
    `the map is corrupt${where}: its size word says ${count(result.size)} of ` +
    `${count(expectedKeys.length)} keys, ${count(result.slotsUsed)} slots are used, ` +
    `${count(result.missing)} keys are missing, ${count(result.duplicates)} are duplicated`;
  expect(result.clean, message).toBe(true);
}
