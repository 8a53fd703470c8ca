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

  it('a write that fails (the map is full) leaves the flag down and the map usable', () => {
    const checked = new CheckedMap(SharedHashMap.create(4));
    for (const key of [1, 2, 3, 4]) checked.set(key, key);
    expect(() => checked.set(5, 5), 'a set into a full map must fail').toThrow(RangeError);
    expect(
      Atomics.load(checked.map.words, HEADER.writing),
      'the failed write left the flag raised: every later write is a false alarm',
    ).toBe(0);
    expect(checked.delete(1)).toBe(true);
    checked.set(5, 5);
    expectIntactMap(checked.map, [2, 3, 4, 5], 'after a failed write');
  });

  it('size and get read the shared map, whoever wrote it', () => {
    const map = SharedHashMap.create(64);
    const mine = new CheckedMap(map);
    const theirs = new CheckedMap(SharedHashMap.from(map.buffer)); // another thread's view
    mine.set(1, 10);
    mine.set(1, 11); // an overwrite adds no key
    theirs.set(2, 20);
    expect(mine.delete(3), 'deleted a key that was never there').toBe(false);
    expect([mine.size, theirs.size], "size is not the shared map's count of keys").toEqual([2, 2]);
    expect([mine.get(1), mine.get(2), theirs.get(1), mine.get(3)]).toEqual([11, 20, 11, undefined]);
  });
});
