// Experiment F on this machine: 100,000 lines of 50 bytes (5.0 MB), to a temporary file
// and to /dev/null, written eight ways (see writers.ts). Time per line: the mean in ms
// × 10 is nanoseconds per line. Before the benches, one run of each prints the write
// system calls it made, as the kernel counts them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { writeSyscalls } from '../../lib/io/write-syscalls.ts';
import { LINE_BYTES, LINES, lines } from './lines.ts';
import { writers } from './writers.ts';

const folder = mkdtempSync(join(tmpdir(), 'kata06-bench-'));
const targets = { 'a temporary file': join(folder, 'lines.txt'), '/dev/null': '/dev/null' };
const all = writers(lines());
const options = { time: 1_000, iterations: 5, warmupIterations: 1 };

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const calls: Record<string, string> = {};
for (const [name, write] of Object.entries(all)) {
  const before = writeSyscalls();
  await write(targets['a temporary file']);
  const after = writeSyscalls();
  calls[name] =
    before === undefined || after === undefined
      ? 'n/a (no /proc/self/io)'
      : (after - before).toLocaleString('en-US');
}
console.log(
  `write system calls for ${LINES.toLocaleString('en-US')} lines of ${LINE_BYTES} bytes, one run each:`,
);
console.table(calls);

for (const [where, path] of Object.entries(targets)) {
  describe(`${LINES.toLocaleString('en-US')} lines of ${LINE_BYTES} bytes to ${where} (ns per line = mean ms × 10)`, () => {
    for (const [name, write] of Object.entries(all)) bench(name, () => write(path), options);
  });
}
