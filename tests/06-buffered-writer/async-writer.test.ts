// The async writer: many tasks, one file, one write in flight at a time.
import { open, readFile } from 'node:fs/promises';
import {
  AsyncBufferedWriter,
  fileHandleSink,
} from '@target/06-buffered-writer/async-buffered-writer';
import { describe, expect, it } from 'vitest';
import { concurrently } from '../support/concurrently.ts';
import { flushMicrotasks } from '../support/lock-steps.ts';
import { rejectionOf } from '../support/rejection.ts';
import { gate, MemoryFile } from './async-sinks.ts';
import { line } from './lines.ts';
import { auditLines, describeAudit } from './lines-audit.ts';
import { expectNoSinkRejection } from './sink-errors.ts';
import { tempPath } from './temp-file.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const TASKS = 50;
const PER_TASK = 1_000;

/**
 * Lets the event loop run what it can, then says whether `promise` settled and with what.
 * Specs whose sink waits for the spec never await the writer directly: a writer that
 * waits where it should not fails at once instead of hanging.
 */
async function peek<T>(
  promise: Promise<T>,
): Promise<{ settled: boolean; value?: T; error?: unknown }> {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  await flushMicrotasks();
  return state;
}

/** The promise's value, which must be there already after one turn of the event loop. */
async function settledNow<T>(promise: Promise<T>, what: string): Promise<T> {
  const state = await peek(promise);
  expect(
    state.settled,
    `${what} is still pending: it waited for a write that was never released`,
  ).toBe(true);
  if ('error' in state) throw state.error;
  return state.value as T;
}

describe('AsyncBufferedWriter', () => {
  it(`${TASKS} tasks × ${PER_TASK.toLocaleString('en-US')} lines into one file: every line intact, each task in order`, async () => {
    const path = tempPath();
    const handle = await open(path, 'w');
    try {
      const writer = new AsyncBufferedWriter(fileHandleSink(handle));
      await concurrently(TASKS, PER_TASK, (t, i) => writer.write(line(i, t)));
      await writer.close();
    } finally {
      await handle.close();
    }
    const audit = auditLines(await readFile(path, 'utf8'), TASKS, PER_TASK);
    expect(audit, describeAudit(audit, TASKS, PER_TASK)).toEqual({
      lines: TASKS * PER_TASK,
      torn: 0,
      outOfOrder: 0,
      missing: 0,
    });
  });

  it('flush waits for the write in flight', async () => {
    const control = gate();
    const file = new MemoryFile(control.complete);
    const writer = new AsyncBufferedWriter(file, 4);
    await settledNow(writer.write('abcd'), 'a write into an empty buffer');
    const flushed = writer.flush();
    expect((await peek(flushed)).settled, 'flush resolved before the sink finished writing').toBe(
      false,
    );
    expect(control.waiting(), 'flush did not start a write').toBe(1);
    control.release();
    await settledNow(flushed, 'flush, after its write finished,');
    expect(file.text).toBe('abcd');
    expect(writer.buffered).toBe(0);
  });

  it('a write waits while the buffer is full and a write is in flight (backpressure)', async () => {
    const control = gate();
    const file = new MemoryFile(control.complete);
    const writer = new AsyncBufferedWriter(file, 4);
    await settledNow(writer.write('abcd'), 'a write into an empty buffer');
    await settledNow(writer.write('efgh'), 'a write while the spare buffer is free');
    expect(writer.buffered).toBe(4);
    const third = writer.write(bytes('ijkl'));
    expect((await peek(third)).settled, 'a write into a full buffer did not wait').toBe(false);
    expect(file.mostInFlight, 'two writes in flight').toBe(1);
    control.release();
    expect(await settledNow(third, 'the waiting write, once the write in flight finished,')).toBe(
      4,
    );
    const closed = writer.close();
    for (let turn = 0; turn < 2; turn++) {
      await flushMicrotasks();
      control.release();
    }
    await settledNow(closed, 'close');
    expect(
      file.text,
      'the file must hold every write once, in the order it was made: a write that waited for ' +
        'room was lost, repeated or reordered',
    ).toBe('abcdefghijkl');
    expect(file.mostInFlight, 'two writes in flight').toBe(1);
  });

  it('copies a write that fits at once, and queues one only while others wait', async () => {
    const file = new MemoryFile();
    const writer = new AsyncBufferedWriter(file, 8);
    const first = writer.write(bytes('abcd'));
    expect(writer.buffered, 'a write that fits must be copied before write returns').toBe(4);
    writer.write(bytes('efgh'));
    expect(writer.buffered, 'a write that fills the buffer exactly must be copied at once').toBe(8);
    expect(await first).toBe(4);
    expect(await writer.write('ij')).toBe(2);
    writer.write('k');
    expect(writer.buffered, 'after the queue emptied, a write that fits waited anyway').toBe(3);
    await writer.close();
    expect(file.text).toBe('abcdefghijk');
  });

  it('a small write never overtakes one that waits', async () => {
    const file = new MemoryFile();
    const writer = new AsyncBufferedWriter(file, 8);
    writer.write('abcdef');
    // 😀 is 4 bytes and 2 are free: this write must wait for the next buffer…
    const waiting = writer.write('😀😀');
    // …and this one, though it would fit in the 2 free bytes, must wait behind it.
    const small = writer.write('x');
    await Promise.all([waiting, small]);
    await writer.close();
    expect(file.text, 'a later write went ahead of an earlier one').toBe('abcdef😀😀x');
  });

  it('writes large byte chunks across several buffers, in order', async () => {
    const file = new MemoryFile(async (length) => Math.min(length, 5));
    const writer = new AsyncBufferedWriter(file, 8);
    const chunk = Uint8Array.from({ length: 30 }, (_, i) => 65 + (i % 26));
    writer.write('<');
    expect(
      await writer.write(chunk),
      'write must return the byte count of the whole chunk, even one larger than the buffer',
    ).toBe(30);
    await writer.write('>');
    await writer.close();
    expect(
      file.text,
      'a chunk larger than the buffer must reach the file whole, between what came before and ' +
        'after it: its pieces were mixed with other bytes',
    ).toBe(`<${Buffer.from(chunk).toString()}>`);
  });

  it('continues partial writes at the right offset', async () => {
    const file = new MemoryFile(async (length) => Math.min(length, 3));
    const writer = new AsyncBufferedWriter(file, 8);
    await writer.write('0123456789');
    await writer.write('abcdefghij');
    await writer.close();
    expect(
      file.text,
      'the tail of a partial write was dropped or repeated: continue at the offset the sink reached',
    ).toBe('0123456789abcdefghij');
  });

  it('a sink that takes nothing is a "short write" error, and the error is sticky', async () => {
    const file = new MemoryFile(async () => 0);
    const writer = new AsyncBufferedWriter(file, 4);
    await writer.write('abc');
    const failure = await rejectionOf(
      writer.flush(),
      'a sink that takes 0 bytes must fail the flush with a "short write" error, not succeed or loop',
    );
    expect(String(failure)).toMatch(/short write/);
    const calls = file.calls;
    expect(calls, 'a sink that takes nothing was called again and again').toBeLessThanOrEqual(3);
    await expect(writer.write('d')).rejects.toThrow(/short write/);
    await expect(writer.flush()).rejects.toThrow(/short write/);
    expect(file.calls, 'the sink was called again after the error').toBe(calls);
  });

  it("the sink's first error is sticky: every later write and flush rejects with it", async () => {
    const disk = new Error('ENOSPC: no space left on device');
    const file = new MemoryFile(async () => disk);
    const writer = new AsyncBufferedWriter(file, 4);
    await expectNoSinkRejection(
      () => writer.write('abcd'),
      "write('abcd') into a buffer of 4",
      'early',
    );
    await expectNoSinkRejection(
      () => writer.write('efgh'),
      "write('efgh') into a buffer of 4",
      'early',
    );
    await expect(writer.flush()).rejects.toBe(disk);
    await expect(writer.write('i')).rejects.toBe(disk);
    await expect(writer.write('jklmnop')).rejects.toBe(disk);
    await expect(writer.close()).rejects.toBe(disk);
    expect(file.calls, 'the sink was called again after its error').toBe(1);
  });

  it('close flushes once; every close returns the same outcome; a write after close rejects', async () => {
    const file = new MemoryFile();
    const writer = new AsyncBufferedWriter(file, 16);
    await writer.write('last words');
    await Promise.all([writer.close(), writer.close()]);
    await writer.close();
    expect(file.text, 'close did not flush').toBe('last words');
    expect(file.calls, 'close wrote more than once').toBe(1);
    const refused = await rejectionOf(
      writer.write('more'),
      'a write after close must reject ("closed"), not reopen the writer',
    );
    expect(String(refused)).toMatch(/close/);
  });

  it('refuses a buffer too small for a 4-byte character, and starts at the given offset', async () => {
    expect(() => new AsyncBufferedWriter(new MemoryFile(), 3)).toThrow(RangeError);
    const file = new MemoryFile();
    const writer = new AsyncBufferedWriter(file, 4, 2);
    await writer.write('ab😀');
    await writer.close();
    expect(file.text).toBe('\0\0ab😀');
  });
});
