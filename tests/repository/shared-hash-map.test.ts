import { describe, expect, it } from 'vitest';
import { audit, SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';

describe('SharedHashMap (one thread)', () => {
  it('sets, gets, overwrites and deletes', () => {
    const map = SharedHashMap.create(16);
    map.set(1, 10);
    map.set(-7, 70);
    map.set(1, 11);
    expect([map.get(1), map.get(-7), map.get(2), map.size]).toEqual([11, 70, undefined, 2]);
    expect(map.delete(1)).toBe(true);
    expect(map.delete(1)).toBe(false);
    expect([map.has(1), map.size]).toEqual([false, 1]);
  });

  it('finds keys past a deleted slot and reuses it', () => {
    const map = SharedHashMap.create(8);
    for (let key = 0; key < 6; key++) map.set(key, key);
    map.delete(2);
    for (let key = 0; key < 6; key++) expect(map.get(key)).toBe(key === 2 ? undefined : key);
    map.set(2, 22);
    expect([map.get(2), map.size]).toEqual([22, 6]);
  });

  it('is the same map when rebuilt from its buffer', () => {
    const map = SharedHashMap.create(64);
    map.set(5, 50);
    const view = SharedHashMap.from(map.buffer);
    view.set(6, 60);
    expect([map.get(6), view.get(5), map.size]).toEqual([60, 50, 2]);
  });

  it('keeps two maps in one buffer apart', () => {
    const bytes = SharedHashMap.bytesFor(16);
    const buffer = new SharedArrayBuffer(2 * bytes);
    const first = SharedHashMap.createIn(buffer, 0, 16);
    const second = SharedHashMap.createIn(buffer, bytes, 16);
    for (let key = 0; key < 16; key++) first.set(key, 1);
    second.set(3, 2);
    const seen = SharedHashMap.from(buffer, bytes);
    expect([seen.capacity, seen.size, seen.get(3), first.size, first.get(3)]).toEqual([
      16, 1, 2, 16, 1,
    ]);
  });

  it('audits 50,000 sequential inserts as clean', () => {
    const map = SharedHashMap.create();
    const keys = Array.from({ length: 50_000 }, (_, i) => i * 3 + 1);
    for (const key of keys) map.set(key, key);
    expect(audit(map, keys)).toEqual({
      size: 50_000,
      slotsUsed: 50_000,
      missing: 0,
      duplicates: 0,
      unexpected: 0,
      clean: true,
    });
  });

  it('audit reports a lost key and a torn size', () => {
    const map = SharedHashMap.create(16);
    map.set(1, 1);
    map.set(2, 2);
    const report = audit(map, [1, 2, 3]);
    expect(report).toMatchObject({ missing: 1, size: 2, clean: false });
  });

  it('rejects a capacity that is not a power of two', () => {
    expect(() => SharedHashMap.create(100)).toThrow(/power of two/);
  });

  it('throws when full instead of looping', () => {
    const map = SharedHashMap.create(4);
    for (let key = 0; key < 4; key++) map.set(key, key);
    expect(() => map.set(99, 1)).toThrow(/full/);
  });
});
