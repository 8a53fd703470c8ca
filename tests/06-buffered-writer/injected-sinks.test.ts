// Go's bufio.Writer rules, one at a time, against sinks that misbehave on cue.
import { BufferedWriter } from '@target/06-buffered-writer/buffered-writer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectNoSinkError } from './sink-errors.ts';
import { eagain, failingFrom, MemorySink } from './sinks.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const range = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('BufferedWriter: the buffer', () => {
  it('refuses a buffer too small for a 4-byte character', () => {
    for (const size of [0, 1, 2, 3, 3.5, Number.NaN]) {
      expect(() => new BufferedWriter(new MemorySink(), size), `size ${size}`).toThrow(RangeError);
    }
    expect(() => new BufferedWriter(new MemorySink(), 3)).toThrow(
      'buffer size must be an integer of at least 4 bytes (the longest UTF-8 character); got 3',
    );
    expect(new BufferedWriter(new MemorySink(), 4).available).toBe(4);
    expect(new BufferedWriter(new MemorySink()).available, 'the default size is 64 KiB').toBe(
      65_536,
    );
  });

  it('keeps small writes until the buffer is full or flushed', () => {
    const sink = new MemorySink();
    const writer = new BufferedWriter(sink, 16);
    expect(writer.write(bytes('')), 'an empty write').toBe(0);
    expect(sink.calls, 'a small Uint8Array went to the sink, not into the buffer').toHaveLength(0);
    expect(writer.write(bytes('hello ')), 'write returns the bytes accepted').toBe(6);
    expect(writer.write('world'), 'write returns the bytes accepted').toBe(5);
    expect(sink.calls, 'the sink was called before the buffer was full').toHaveLength(0);
    expect(writer.buffered).toBe(11);
    expect(writer.available).toBe(5);
    writer.write(bytes('!!!!!'));
    expect(sink.calls, 'a write that fills the buffer exactly must wait for the next').toHaveLength(
      0,
    );
    expect(writer.available).toBe(0);
    writer.write('');
    expect(sink.calls, 'an empty write flushed the buffer').toHaveLength(0);
    writer.flush();
    expect(sink.text).toBe('hello world!!!!!');
    expect(sink.calls, 'one flush, one sink call').toHaveLength(1);
    expect(writer.buffered).toBe(0);
    expect(writer.available).toBe(16);
    writer.flush();
    expect(sink.calls, 'flushing an empty buffer called the sink').toHaveLength(1);
  });

  it('fills the buffer to the brim, flushes, and goes on with the rest', () => {
    const sink = new MemorySink();
    const writer = new BufferedWriter(sink, 8);
    writer.write('abcde');
    expect(writer.write('fghijk')).toBe(6);
    expect(
      sink.calls.map((call) => Buffer.from(call.offered).toString()),
      'a write larger than the free space fills the buffer to the brim, flushes, then goes on',
    ).toEqual(['abcdefgh']);
    expect(writer.buffered, 'the 3 bytes past the brim stay buffered').toBe(3);
    writer.write(bytes('lmnopqrstuvwxyz'));
    writer.flush();
    expect(
      sink.text,
      'the bytes must reach the sink in the order they were written: a large write went out ' +
        'ahead of the buffered ones',
    ).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(
      sink.calls.map((call) => call.offered.length),
      'two full buffers, then the 10 bytes left straight from the chunk',
    ).toEqual([8, 8, 10]);
  });

  it('sends a large Uint8Array straight to the sink, uncopied, when nothing is buffered', () => {
    const sink = new MemorySink();
    const writer = new BufferedWriter(sink, 8);
    for (const length of [8, 20]) {
      const chunk = range(length);
      expect(writer.write(chunk)).toBe(length);
      const last = sink.calls.at(-1);
      expect(last?.bytes, `a ${length}-byte chunk was copied into the buffer first`).toBe(chunk);
      expect(last?.offered).toEqual(chunk);
      expect(writer.buffered).toBe(0);
    }
  });

  it('never lets a large write overtake buffered bytes', () => {
    const sink = new MemorySink();
    const writer = new BufferedWriter(sink, 8);
    writer.write('ab');
    const chunk = bytes('cdefghijklmnopqrstuvwxyz');
    writer.write(chunk);
    writer.flush();
    expect(sink.text, 'the large write went out ahead of the buffered bytes').toBe(
      'abcdefghijklmnopqrstuvwxyz',
    );
    expect(sink.calls[0]?.bytes, 'the first sink call must be the buffer').not.toBe(chunk);
  });

  it('encodes a string into the buffer, never straight to the sink', () => {
    const sink = new MemorySink();
    const writer = new BufferedWriter(sink, 8);
    writer.write('x'.repeat(20));
    expect(
      sink.calls.map((call) => call.offered.length),
      'a string goes through the buffer in buffer-sized writes, never straight to the sink',
    ).toEqual([8, 8]);
    expect(writer.buffered).toBe(4);
  });

  it('puts a character that does not fit whole into the next buffer', () => {
    const sink = new MemorySink();
    const writer = new BufferedWriter(sink, 5);
    expect(writer.write('abc😀d'), 'the bytes of abc😀d').toBe(8);
    writer.flush();
    expect(
      sink.calls.map((call) => Buffer.from(call.offered).toString()),
      'a character whose bytes do not fit whole goes to the next buffer: never split a code point',
    ).toEqual(['abc', '😀d']);
  });
});

describe('BufferedWriter: partial writes and no progress', () => {
  it('continues a partial write until every byte is out, in order', () => {
    const sink = new MemorySink(() => 3);
    const writer = new BufferedWriter(sink, 16);
    writer.write('0123456789abcdef-tail');
    writer.flush();
    expect(sink.text, 'the tail of a partial write was dropped or repeated').toBe(
      '0123456789abcdef-tail',
    );
    expect(
      sink.calls,
      'a sink that takes 3 bytes a call needs 6 calls for 16 bytes, then 2 for the 5 left: ' +
        'each call must offer everything not yet taken',
    ).toHaveLength(6 + 2);
  });

  it('turns a sink that makes no progress into a "short write" error within a few calls', () => {
    const sink = new MemorySink((call) => (call === 0 ? 2 : 0));
    const writer = new BufferedWriter(sink, 8);
    writer.write('abcdef');
    expect(
      () => writer.flush(),
      'a sink that makes no progress must be a "short write" error, not a busy loop',
    ).toThrow(
      expect.objectContaining({
        name: 'ShortWriteError',
        code: 'ERR_SHORT_WRITE',
        message: 'short write: the sink accepted 2 of 6 bytes and made no progress',
      }),
    );
    expect(
      sink.calls.length,
      'a sink that takes nothing was called again and again',
    ).toBeLessThanOrEqual(3);
    expect(writer.buffered, 'the bytes the sink did not take stay buffered').toBe(4);
    const calls = sink.calls.length;
    expect(() => writer.flush(), 'the short write is sticky').toThrow(/short write/);
    expect(() => writer.write('g')).toThrow(/short write/);
    expect(sink.calls, 'the sink was called again after the error').toHaveLength(calls);
    expect(sink.text).toBe('ab');
  });
});

describe('BufferedWriter: the first error is sticky', () => {
  it('throws it from every later write and flush, and never calls the sink again', () => {
    const disk = new Error('ENOSPC: no space left on device');
    const sink = failingFrom(1, disk);
    const writer = new BufferedWriter(sink, 4);
    writer.write('abcd');
    expectNoSinkError(() => writer.write('efgh'), "write('efgh') into a buffer of 4", 'early');
    expect(() => writer.flush()).toThrow(disk);
    expect(sink.text).toBe('abcd');
    expect(() => writer.write('ij')).toThrow(disk);
    expect(() => writer.write(new Uint8Array(10))).toThrow(disk);
    expect(() => writer.flush()).toThrow(disk);
    expect(
      sink.calls,
      'the sink was called again after its error: bytes written twice?',
    ).toHaveLength(2);
    expect(sink.text, 'bytes written twice').toBe('abcd');
  });

  it('keeps the bytes the failing sink did not take, and writes none of them twice', () => {
    const disk = new Error('EIO: i/o error');
    const sink = new MemorySink((call) => (call === 0 ? 3 : disk));
    const writer = new BufferedWriter(sink, 8);
    expectNoSinkError(
      () => writer.write('abcdefgh'),
      "write('abcdefgh') into a buffer of 8",
      'early',
    );
    expect(
      () => writer.write('i'),
      'the write that needs a flush must throw the sink’s error',
    ).toThrow(disk);
    expect(
      writer.buffered,
      'the bytes the failing sink did not take stay buffered, never written twice',
    ).toBe(5);
    expect(
      () => writer.close(),
      'the error is sticky: close must throw it too, not succeed',
    ).toThrow(disk);
    expect(sink.text, 'the sink must hold only the 3 bytes it took').toBe('abc');
  });

  it('a flush that fails in the middle of a large write throws, and stays thrown', () => {
    const disk = new Error('EIO: i/o error');
    const sink = failingFrom(0, disk);
    const writer = new BufferedWriter(sink, 8);
    expectNoSinkError(() => writer.write('ab'), "write('ab') into a buffer of 8", 'early');
    expect(() => writer.write(range(20)), 'the failed flush inside write').toThrow(disk);
    expect(() => writer.write(range(3))).toThrow(disk);
    expect(sink.calls).toHaveLength(1);
  });

  it('a failing large write is sticky too', () => {
    const disk = new Error('EIO: i/o error');
    const sink = new MemorySink((call) => (call === 0 ? 5 : disk));
    const writer = new BufferedWriter(sink, 4);
    expect(
      () => writer.write(range(12)),
      'a large write whose flush fails must throw the error',
    ).toThrow(disk);
    expect(() => writer.write('a')).toThrow(disk);
    expect(sink.calls).toHaveLength(2);
  });
});

describe('BufferedWriter: EAGAIN', () => {
  /** Replaces the sleep with a log of its timeouts: no real waiting in the specs. */
  const spySleeps = () => vi.spyOn(Atomics, 'wait').mockReturnValue('timed-out');

  it('retries EAGAIN after a short sleep on a private word; nothing lost, nothing twice', () => {
    const sleep = spySleeps();
    const sink = new MemorySink((call) => (call < 3 ? eagain() : Infinity));
    const writer = new BufferedWriter(sink, 8);
    expectNoSinkError(() => writer.write('abcdef'), "write('abcdef') into a buffer of 8", 'early');
    expectNoSinkError(() => writer.flush(), 'flush with the sink busy (EAGAIN) 3 times', 'eagain');
    expect(sink.text).toBe('abcdef');
    expect(sleep, 'EAGAIN must be retried after a sleep, not in a busy loop').toHaveBeenCalledTimes(
      3,
    );
    for (const [word, index, value, timeout] of sleep.mock.calls) {
      expect(word.buffer, 'sleep on a private SharedArrayBuffer').toBeInstanceOf(SharedArrayBuffer);
      expect(Atomics.load(word, index), 'the word must hold the value waited on').toBe(value);
      expect(timeout).toBeGreaterThan(0);
    }
  });

  it('gives up after at most 10 retries and 50 ms of sleep, and the error is sticky', () => {
    const sleep = spySleeps();
    const sink = new MemorySink(() => eagain());
    const writer = new BufferedWriter(sink, 8);
    expectNoSinkError(() => writer.write('abcdef'), "write('abcdef') into a buffer of 8", 'early');
    expect(() => writer.flush()).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    expect(sink.calls.length, 'more than 10 retries').toBeLessThanOrEqual(11);
    const slept = sleep.mock.calls.reduce((sum, call) => sum + (call[3] ?? Infinity), 0);
    expect(slept, 'slept more than 50 ms in all').toBeLessThanOrEqual(50);
    expect(slept, 'gave up without backing off').toBeGreaterThanOrEqual(10);
    const calls = sink.calls.length;
    expect(() => writer.flush()).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    expect(() => writer.write('g')).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
    expect(sink.calls, 'EAGAIN became sticky, yet the sink was called again').toHaveLength(calls);
    expect(writer.buffered, 'the unwritten bytes stay buffered').toBe(6);
  });

  it('starts the back-off afresh after every bit of progress', () => {
    const sleep = spySleeps();
    // EAGAIN, 1 byte, EAGAIN, 1 byte, …: a slow pipe that never stalls for long.
    const sink = new MemorySink((call) => (call % 2 === 0 ? eagain() : 1));
    const writer = new BufferedWriter(sink, 64);
    const text = 'a slow pipe, but a moving one: 60 stalls, each a short one.';
    expectNoSinkError(() => writer.write(text), 'a write of 60 bytes into a buffer of 64', 'early');
    expectNoSinkError(
      () => writer.flush(),
      'flush through a slow pipe (EAGAIN, 1 byte, …)',
      'eagain',
    );
    expect(sink.text).toBe(text);
    expect(sleep).toHaveBeenCalledTimes(text.length);
    const timeouts = sleep.mock.calls.map((call) => call[3]);
    expect(timeouts, 'each stall after progress starts with the shortest sleep').toEqual(
      timeouts.map(() => timeouts[0]),
    );
    expect(timeouts[0]).toBeGreaterThan(0);
  });

  it('keeps even a thrown non-Error for good', () => {
    for (const thrown of [null, 'EAGAIN', { code: 'EAGAIN' }]) {
      const sink = new MemorySink(() => {
        throw thrown;
      });
      const writer = new BufferedWriter(sink, 8);
      expectNoSinkError(() => writer.write('abc'), "write('abc') into a buffer of 8", 'early');
      expect(
        () => writer.flush(),
        `a sink that throws ${JSON.stringify(thrown)}: flush must throw it`,
      ).toThrow();
      expect(
        () => writer.flush(),
        `${JSON.stringify(thrown)} was not sticky: the next flush must throw it again`,
      ).toThrow();
      expect(sink.calls.length, `${JSON.stringify(thrown)} was not sticky`).toBeLessThanOrEqual(1);
    }
  });

  it('does not retry other errors', () => {
    const sleep = spySleeps();
    const denied = Object.assign(new Error('EBADF: bad file descriptor'), { code: 'EBADF' });
    const sink = new MemorySink(() => denied);
    const writer = new BufferedWriter(sink, 8);
    expectNoSinkError(() => writer.write('abc'), "write('abc') into a buffer of 8", 'early');
    expect(() => writer.flush(), 'EBADF will not go away: flush must throw it').toThrow(denied);
    expect(sink.calls, 'EBADF was retried: only EAGAIN is worth a retry').toHaveLength(1);
    expect(
      sleep,
      'EBADF was retried after a sleep: only EAGAIN is worth a retry',
    ).not.toHaveBeenCalled();
  });
});

describe('BufferedWriter: close and reset', () => {
  it('close flushes; a second close does nothing; a write after close throws', () => {
    const sink = new MemorySink();
    const writer = new BufferedWriter(sink, 16);
    writer.write('last words');
    writer.close();
    expect(sink.text, 'close did not flush').toBe('last words');
    writer.close();
    expect(sink.calls, 'a second close called the sink again').toHaveLength(1);
    expect(() => writer.write('more'), 'a write after close must throw ("closed")').toThrow(
      /close/,
    );
    expect(sink.text).toBe('last words');
  });

  it('reset discards the buffered bytes and the error, and writes to the new sink', () => {
    const broken = failingFrom(0, new Error('EPIPE: broken pipe'));
    const writer = new BufferedWriter(broken, 8);
    expectNoSinkError(() => writer.write('lost'), "write('lost') into a buffer of 8", 'early');
    expect(() => writer.flush(), 'flush must throw the broken sink’s error').toThrow(/EPIPE/);
    const fresh = new MemorySink();
    writer.reset(fresh);
    expect(writer.buffered, 'reset must discard the buffered bytes').toBe(0);
    writer.write('fresh');
    writer.flush();
    expect(fresh.text, 'reset kept old bytes or the old error').toBe('fresh');
    expect(broken.calls).toHaveLength(1);
  });

  it('reset after close opens the writer again', () => {
    const writer = new BufferedWriter(new MemorySink(), 8);
    writer.close();
    const fresh = new MemorySink();
    writer.reset(fresh);
    writer.write('again');
    writer.close();
    expect(fresh.text, 'reset after close must open the writer again, onto the new sink').toBe(
      'again',
    );
  });
});
