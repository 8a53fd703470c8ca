// The watching thread. It polls the test thread's heartbeat; when the beat stops moving, the
// test thread's event loop is blocked, and no timer there (vitest's test timeout included)
// can fire. Two kinds of block, told apart by the test thread's own CPU time (Linux:
// /proc/self/task/<pid>/stat; elsewhere wall time stands in for it):
// - spinning (a busy-wait): the thread burns CPU. It fires after `thresholdMs` of CPU, so a
//   machine so busy that the spec gets little CPU delays it but never fires it falsely.
// - sleeping (Atomics.wait on the main thread, a synchronous call that waits): little CPU.
//   It fires after SLEEP_FACTOR × thresholdMs of wall time, as does a spin on a machine so
//   busy that the spec's thread gets less than a third of a core.
// Before the first spec starts (loading the file, beforeAll) both bounds are LOADING_FACTOR
// times longer: loading may compile a large module (PGlite's WebAssembly) in one go.
// Then it writes the message with fs.writeSync(2) (the blocked thread owns process.stderr),
// leaves a record for the reporters, gives the message `graceMs` to land, and kills the
// spec file's process.
import { mkdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { workerData } from 'node:worker_threads';

const {
  words: wordsBuffer,
  name: nameBuffer,
  thresholdMs,
  file,
  recordDir,
  runName,
  graceMs,
} = workerData;
const words = new Int32Array(wordsBuffer);
const BEAT = 0;
const NAME_LENGTH = 1;
const PAUSED = 2;
const SLEEP_FACTOR = 3;
const LOADING_FACTOR = 3;
const TICK_MS = 10; // Linux reports thread CPU time in clock ticks of 10 ms (USER_HZ = 100).
const pollMs = Math.max(10, Math.min(250, thresholdMs / 10));
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const decoder = new TextDecoder();
const statFile = `/proc/self/task/${process.pid}/stat`;

const sleep = (ms) => Atomics.wait(sleeper, 0, 0, ms);

/** CPU milliseconds the test thread (the process's main thread) has used, or undefined. */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

function runningSpec() {
  const length = Atomics.load(words, NAME_LENGTH);
  // The name buffer is shared: copy before decoding.
  return length > 0 ? decoder.decode(new Uint8Array(nameBuffer).slice(0, length)) : '';
}

let lastBeat = Atomics.load(words, BEAT);
let lastChange = Date.now();
let cpuAtChange = mainThreadCpuMs();
for (;;) {
  sleep(pollMs);
  const beat = Atomics.load(words, BEAT);
  const now = Date.now();
  if (beat !== lastBeat || Atomics.load(words, PAUSED) === 1) {
    lastBeat = beat;
    lastChange = now;
    cpuAtChange = mainThreadCpuMs();
    continue;
  }
  const spec = runningSpec();
  const bound = spec ? thresholdMs : LOADING_FACTOR * thresholdMs;
  const wallMs = now - lastChange;
  const cpuNow = mainThreadCpuMs();
  const cpuMs = cpuNow === undefined || cpuAtChange === undefined ? wallMs : cpuNow - cpuAtChange;
  if (cpuMs < bound && wallMs < SLEEP_FACTOR * bound) continue;
  // A sleeping thread uses no CPU at all; a spinning one gets its share, however small.
  const spinning = cpuMs >= Math.max(50, 0.02 * wallMs);
  const seconds = (wallMs / 1000).toFixed(1);
  const where = spec ? `${file} › ${spec}` : `${file} (while loading it, before its first spec)`;
  const cause = spinning
    ? 'a busy-wait (a loop that waits for a value only another task can change)?'
    : 'Atomics.wait on the main thread, or a synchronous call that waits (spawnSync, a sync read of a pipe)?';
  const message =
    `your code blocked the event loop for ${seconds} s in ${where}: ${cause} ` +
    'No timer can fire while the loop is blocked, so the watchdog stopped this spec file.';
  try {
    writeSync(2, `\n\u001b[31mHANG\u001b[39m ${message}\n\n`);
  } catch {}
  try {
    mkdirSync(recordDir, { recursive: true });
    writeFileSync(
      join(recordDir, `${process.pid}-${now}.json`),
      JSON.stringify({ file, spec, runName, blockedMs: wallMs, message }),
    );
  } catch {}
  sleep(graceMs);
  process.kill(process.pid, 'SIGKILL');
}
