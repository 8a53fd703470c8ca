// MessagePack as Locust's Python side writes and reads it, for one thing @msgpack/msgpack does
// not do: maps with integer keys. Locust's StatsEntry keeps `response_times` ({ms: count}) and
// `num_reqs_per_sec` ({epoch second: count}) as dicts keyed by int; the master sorts those keys
// next to a Python worker's, so a string key ("12") would break its percentiles. A JS Map is
// written as a msgpack map with its keys as they are (numbers as ints); every other value goes
// through @msgpack/msgpack unchanged.
import { decode, encode } from '@msgpack/msgpack';

function mapHeader(size: number): Uint8Array {
  if (size < 16) return Uint8Array.of(0x80 + size); // fixmap
  if (size < 0x10000) return Uint8Array.of(0xde, size >>> 8, size & 0xff); // map 16
  const header = new Uint8Array(5); // map 32
  header[0] = 0xdf;
  new DataView(header.buffer).setUint32(1, size);
  return header;
}

function arrayHeader(size: number): Uint8Array {
  if (size < 16) return Uint8Array.of(0x90 + size); // fixarray
  if (size < 0x10000) return Uint8Array.of(0xdc, size >>> 8, size & 0xff); // array 16
  const header = new Uint8Array(5); // array 32
  header[0] = 0xdd;
  new DataView(header.buffer).setUint32(1, size);
  return header;
}

function parts(value: unknown, out: Uint8Array[]): void {
  if (value instanceof Map) {
    out.push(mapHeader(value.size));
    for (const [key, item] of value) {
      parts(key, out);
      parts(item, out);
    }
  } else if (Array.isArray(value)) {
    out.push(arrayHeader(value.length));
    for (const item of value) parts(item, out);
  } else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    out.push(mapHeader(entries.length));
    for (const [key, item] of entries) {
      out.push(encode(key));
      parts(item, out);
    }
  } else {
    // undefined becomes nil, as None.
    out.push(encode(value ?? null));
  }
}

/** One msgpack document; Maps keep their key types (int keys stay ints). */
export function pack(value: unknown): Uint8Array {
  const out: Uint8Array[] = [];
  parts(value, out);
  return Buffer.concat(out);
}

/** Decodes a document from the master (its maps have string keys; int keys become strings). */
export function unpack(bytes: Uint8Array): unknown {
  return decode(bytes);
}
