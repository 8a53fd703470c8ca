// Whatever the chunks, the buffer size and the sink's partial writes, the bytes that arrive
// are the concatenation of everything written: no byte lost, repeated or reordered, and
// no character torn across two buffers. fast-check, from a fixed seed.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { BufferedWriter, fileSink } from '@target/06-buffered-writer/buffered-writer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemorySink } from './sinks.ts';
import { tempPath } from './temp-file.ts';

const SEED = 20_260_606;
const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });

/** Text heavy in multi-byte characters: 1, 2, 3 and 4 bytes (outside the BMP) in UTF-8. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('a', 'é', '€', '😀', '𝄞', '\n'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 40,
});
const chunk = fc.oneof(text, fc.uint8Array({ maxLength: 40 }));
const chunks = fc.array(chunk, { maxLength: 30 });
const size = fc.integer({ min: 4, max: 24 });

const encode = (piece: string | Uint8Array) =>
  typeof piece === 'string' ? encoder.encode(piece) : piece;
const concat = (pieces: Array<string | Uint8Array>) => Buffer.concat(pieces.map(encode));

describe('BufferedWriter: the bytes that arrive (fast-check, fixed seed)', () => {
  it('are exactly the chunks written, whatever the sizes and partial writes', () => {
    fc.assert(
      fc.property(
        chunks,
        size,
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1 }),
        (pieces, bytes, takes) => {
          const sink = new MemorySink((call) => takes[call % takes.length]!);
          const writer = new BufferedWriter(sink, bytes);
          for (const piece of pieces) {
            expect(writer.write(piece), 'write must return the bytes of the chunk').toBe(
              encode(piece).length,
            );
          }
          writer.close();
          expect(
            Buffer.from(sink.bytes).equals(concat(pieces)),
            'bytes lost, repeated or reordered',
          ).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('never tear a character: every buffer handed to the sink is whole UTF-8', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), size, (pieces, bytes) => {
        const sink = new MemorySink();
        const writer = new BufferedWriter(sink, bytes);
        for (const piece of pieces) writer.write(piece);
        writer.close();
        for (const call of sink.calls) {
          expect(
            () => strict.decode(call.offered),
            `a character was split across two buffers: [${[...call.offered].join(' ')}]`,
          ).not.toThrow();
        }
        expect(sink.text).toBe(concat(pieces).toString('utf8'));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('are the bytes on disk, through fileSink', () => {
    const path = tempPath();
    fc.assert(
      fc.property(chunks, size, (pieces, bytes) => {
        const fd = openSync(path, 'w');
        try {
          const writer = new BufferedWriter(fileSink(fd), bytes);
          for (const piece of pieces) writer.write(piece);
          writer.close();
        } finally {
          closeSync(fd);
        }
        expect(
          readFileSync(path).equals(concat(pieces)),
          'the file differs from what was written',
        ).toBe(true);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});
