// The ways to write the bench's lines to a file, each opening and closing its own
// descriptor: one system call per line, your writer, the reference (strings and
// pre-encoded lines), Node's stream, sonic-boom (pino's writer) in both modes, and the
// floor, one write of the joined text. Each returns once every byte is in the kernel.

import { once } from 'node:events';
import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs';
import { SonicBoom } from 'sonic-boom';
import { BufferedWriter as LearnerWriter } from '../../katas/06-buffered-writer/buffered-writer.ts';
import { fileSink } from '../../lib/io/sinks.ts';
import { BufferedWriter } from '../../solutions/06-buffered-writer/buffered-writer.ts';

export type WriteAll = (path: string) => void | Promise<void>;

function withFd(path: string, body: (fd: number) => void): void {
  const fd = openSync(path, 'w');
  try {
    body(fd);
  } finally {
    closeSync(fd);
  }
}

export function writers(lines: string[]): Record<string, WriteAll> {
  const encoded = lines.map((line) => new TextEncoder().encode(line));
  return {
    'writeSync per line (unbuffered)': (path) =>
      withFd(path, (fd) => {
        for (const line of lines) writeSync(fd, line);
      }),
    'your BufferedWriter': (path) =>
      withFd(path, (fd) => {
        const writer = new LearnerWriter(fileSink(fd));
        for (const line of lines) writer.write(line);
        writer.close();
      }),
    'BufferedWriter (reference), strings': (path) =>
      withFd(path, (fd) => {
        const writer = new BufferedWriter(fileSink(fd));
        for (const line of lines) writer.write(line);
        writer.close();
      }),
    'BufferedWriter (reference), pre-encoded lines': (path) =>
      withFd(path, (fd) => {
        const writer = new BufferedWriter(fileSink(fd));
        for (const line of encoded) writer.write(line);
        writer.close();
      }),
    'fs.createWriteStream': async (path) => {
      const stream = createWriteStream(path);
      for (const line of lines) {
        if (!stream.write(line)) await once(stream, 'drain');
      }
      stream.end();
      await once(stream, 'close');
    },
    'sonic-boom {sync: true, minLength: 4096}': (path) =>
      withFd(path, (fd) => {
        const sonic = new SonicBoom({ fd, sync: true, minLength: 4096 });
        for (const line of lines) sonic.write(line);
        sonic.flushSync();
      }),
    'sonic-boom (default: async)': async (path) => {
      const sonic = new SonicBoom({ fd: openSync(path, 'w') });
      for (const line of lines) sonic.write(line);
      sonic.end(); // flushes, then closes the descriptor
      await once(sonic, 'close');
    },
    'writeSync(fd, lines.join("")) (floor)': (path) =>
      withFd(path, (fd) => {
        writeSync(fd, lines.join(''));
      }),
  };
}
