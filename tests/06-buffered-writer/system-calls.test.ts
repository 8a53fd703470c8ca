// Experiment F, counted by the kernel: `syscw` in /proc/self/io is the number of write
// system calls this process has made. Read right before and right after a synchronous
// section, the difference is the writes of that section and nothing else.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { BufferedWriter, fileSink } from '@target/06-buffered-writer/buffered-writer';
import { describe, expect, it } from 'vitest';
import type { Sink } from '../../lib/io/sinks.ts';
import { writeSyscalls } from '../../lib/io/write-syscalls.ts';
import { LINE_BYTES, LINES, lines, megabytes } from './lines.ts';
import { tempPath } from './temp-file.ts';

const SIZE = 65_536;
const TOTAL = LINES * LINE_BYTES;
const NEEDED = Math.ceil(TOTAL / SIZE);
const text = lines();

describe(`${LINES.toLocaleString('en-US')} lines of ${LINE_BYTES} bytes through a 64 KiB BufferedWriter`, () => {
  it(`makes at most ${NEEDED} + 3 write system calls (the kernel's count)`, () => {
    const path = tempPath();
    const fd = openSync(path, 'w');
    let sinkCalls = 0;
    const file = fileSink(fd);
    const counted: Sink = {
      write: (bytes, offset, length) => {
        sinkCalls++;
        return file.write(bytes, offset, length);
      },
    };
    try {
      const writer = new BufferedWriter(counted, SIZE);
      // Nothing but the writer runs between the two readings: no await, no logging.
      const before = writeSyscalls();
      for (const line of text) writer.write(line);
      writer.close();
      const after = writeSyscalls();

      const kernel = before === undefined || after === undefined ? undefined : after - before;
      if (kernel === undefined) {
        console.log('/proc/self/io is missing here: counting sink calls instead of system calls');
      }
      const calls = kernel ?? sinkCalls;
      const what = kernel === undefined ? 'sink calls' : 'write system calls';
      expect(
        calls,
        `${calls.toLocaleString('en-US')} ${what} for ${megabytes(TOTAL)}; a 64 KiB buffer needs ${NEEDED}`,
      ).toBeLessThanOrEqual(NEEDED + 3);
      expect(
        sinkCalls,
        `${sinkCalls} sink calls; a 64 KiB buffer needs ${NEEDED}`,
      ).toBeLessThanOrEqual(NEEDED + 3);
      if (kernel !== undefined) {
        // Each sink call is one write(2); another thread of the test runner may add a stray one.
        expect(kernel, 'the kernel saw fewer writes than sink calls').toBeGreaterThanOrEqual(
          sinkCalls,
        );
      }
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, 'utf8'), 'the file is not the lines written, in order').toBe(
      text.join(''),
    );
  });
});
