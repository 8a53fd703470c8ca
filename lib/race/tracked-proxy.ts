// Plain objects, arrays and Maps under the detector: a Proxy on the instance sees every
// property read and write, so `albums.length` and `albums.push(album)` (which reads `length`,
// then writes `albums[n]` and `length`) are seen without changing the code that uses them.
// Locations: `name.prop`, `name[index]`, `name.length`, `name.size`, `name[key]` of a Map.
// Method lookups are not data accesses; methods run with `this` = the proxy, so what they
// touch is seen too. (Fields declared with `#` cannot be seen through a Proxy.)

import type { RaceRuntime } from './runtime.ts';

const isIndex = (prop: string) => prop !== '' && String(Number(prop) >>> 0) === prop;

export function trackObject<T extends object>(race: RaceRuntime, target: T, name: string): T {
  return new Proxy(target, {
    get(object, prop, receiver) {
      const value = Reflect.get(object, prop, receiver);
      if (typeof prop === 'string' && typeof value !== 'function') race.read(`${name}.${prop}`);
      return value;
    },
    set(object, prop, value, receiver) {
      if (typeof prop === 'string') race.write(`${name}.${prop}`);
      return Reflect.set(object, prop, value, receiver);
    },
    deleteProperty(object, prop) {
      if (typeof prop === 'string') race.write(`${name}.${prop}`);
      return Reflect.deleteProperty(object, prop);
    },
  });
}

export function trackArray<T>(race: RaceRuntime, target: T[], name: string): T[] {
  const location = (prop: string) => (isIndex(prop) ? `${name}[${prop}]` : `${name}.${prop}`);
  return new Proxy(target, {
    get(array, prop, receiver) {
      const value = Reflect.get(array, prop, receiver);
      if (typeof prop === 'string' && typeof value !== 'function') race.read(location(prop));
      return value;
    },
    set(array, prop, value, receiver) {
      if (typeof prop === 'string') race.write(location(prop));
      return Reflect.set(array, prop, value, receiver);
    },
    deleteProperty(array, prop) {
      if (typeof prop === 'string') race.write(location(prop));
      return Reflect.deleteProperty(array, prop);
    },
  });
}

/** Map methods need the real Map as `this`, so the proxy hands out bound, tracked methods. */
export function trackMap<K, V>(race: RaceRuntime, target: Map<K, V>, name: string): Map<K, V> {
  const entry = (key: K) => `${name}[${String(key)}]`;
  const size = `${name}.size`;
  const methods: Partial<Record<keyof Map<K, V>, unknown>> = {
    get: (key: K) => {
      race.read(entry(key));
      return target.get(key);
    },
    has: (key: K) => {
      race.read(entry(key));
      return target.has(key);
    },
    set: (key: K, value: V) => {
      if (!target.has(key)) race.write(size);
      race.write(entry(key));
      target.set(key, value);
      return proxy;
    },
    delete: (key: K) => {
      if (target.has(key)) race.write(size);
      race.write(entry(key));
      return target.delete(key);
    },
    clear: () => {
      race.write(size);
      target.clear();
    },
  };
  const proxy: Map<K, V> = new Proxy(target, {
    get(map, prop) {
      if (prop === 'size') {
        race.read(size);
        return map.size;
      }
      const method = methods[prop as keyof Map<K, V>];
      if (method) return method;
      const value = Reflect.get(map, prop, map);
      if (typeof value !== 'function') return value;
      // Iteration (keys, values, entries, forEach, for…of) reads the whole map.
      return (...args: unknown[]) => {
        race.read(size);
        return (value as (...a: unknown[]) => unknown).apply(map, args);
      };
    },
  });
  return proxy;
}

/**
 * An instance whose own arrays and Maps are tracked too: the course's store keeps a slice,
 * the reference keeps a Map and an array. Fields are replaced in place (the instance keeps
 * its class and methods), then the instance itself is wrapped.
 */
export function trackInstance<T extends object>(race: RaceRuntime, target: T, name: string): T {
  const fields = target as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (Array.isArray(value)) fields[key] = trackArray(race, value, `${name}.${key}`);
    else if (value instanceof Map) fields[key] = trackMap(race, value, `${name}.${key}`);
  }
  return trackObject(race, target, name);
}
