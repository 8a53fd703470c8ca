// The detector, one thread at a time. A second writer is played by the test: it holds the
// map's shared `writing` word up, or lowers it in the middle of our write, exactly as a
// writer in another thread would.
import { CheckedMap, ConcurrentMapWritesError } from '@target/02-map-writes/checked-map';
import { describe, expect, it } from 'vitest';
import { HEADER, SharedHashMap } from '../../lib/shared-memory/shared-hash-map.ts';
import { expectIntactMap } from '../support/map-audit.ts';

const UNDETECTED = 'concurrent map writes went undetected';

/** A map whose next write, halfway through, sees another writer finish and lower the flag. */
function mapWhereAnotherWriterFinishesMidWrite(): SharedHashMap {
  const map = SharedHashMap.create(64);
  const set = map.set.bind(map);
  const remove = map.delete.bind(map);
  const anotherWriterFinishes = () => Atomics.store(map.words, HEADER.writing, 0);
  map.set = (key, value) => {
    set(key, value);
    anotherWriterFinishes();
  };
  map.delete = (key) => {
    const deleted = remove(key);
    anotherWriterFinishes();
    return deleted;
  };
  return map;
}

describe('CheckedMap: Go-style detection of concurrent map writes', () => {
  it('one writer, 50,000 keys set then half deleted: no false alarm, audit clean', () => {
    const checked = new CheckedMap(SharedHashMap.create());
    const keys = Array.from({ length: 50_000 }, (_, i) => i * 7 + 3);
    for (const key of keys) checked.set(key, key);
    for (const key of keys.slice(0, 25_000)) expect(checked.delete(key)).toBe(true);
    expectIntactMap(checked.map, keys.slice(25_000), 'one writer');
    expect(Atomics.load(checked.map.words, HEADER.writing), 'the flag stays raised').toBe(0);
  });

  it('a write that starts while another is in progress throws before touching the map', () => {
    const checked = new CheckedMap(SharedHashMap.create(64));
    checked.set(1, 1);
    Atomics.store(checked.map.words, HEADER.writing, 1); // another thread is mid-write
    for (const write of [() => checked.set(2, 2), () => checked.delete(1)]) {
      expect(write, `${UNDETECTED}: a write started during another`).toThrow(
        ConcurrentMapWritesError,
      );
    }
    expect([checked.map.has(1), checked.map.has(2)]).toEqual([true, false]);
  });

  it('a write during which another writer finished throws at its end', () => {
    for (const write of [
      (checked: CheckedMap) => checked.set(3, 3),
      (checked: CheckedMap) => checked.delete(3),
    ]) {
      const checked = new CheckedMap(mapWhereAnotherWriterFinishesMidWrite());
      expect(
        () => write(checked),
        `${UNDETECTED}: both writers passed the first check, and nobody checked again`,
      ).toThrow(/^concurrent map writes$/);
    }
  });
});
