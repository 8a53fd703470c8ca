// The watching thread. It polls the test thread's heartbeat; when the beat stops moving, the
// test thread's event loop is blocked, and no timer there (vitest's test timeout included)
// can fire. Two kinds of block, told apart by the test thread's own CPU time (Linux:
// /proc/self/task/<pid>/stat; elsewhere wall time stands in for it):
// - spinning (a busy-wait): the thread burns CPU. It fires after `thresholdMs` of CPU, so a
//   machine so busy that the spec gets little CPU delays it but never fires it falsely.
// - sleeping (Atomics.wait on the main thread, a synchronous call that waits): the thread's
//   state is not R (runnable). It fires after SLEEP_FACTOR × thresholdMs spent asleep.
// A thread that is runnable but waits for a core (a machine with load 50 on 2 cores) gets
// neither CPU nor sleep: it is never taken for a hang, however long the wait.
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

/** The test thread's (the process's main thread's) state and CPU milliseconds, or undefined. */
function mainThread() {
  try {
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      runnable: fields[0] === 'R',
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    };
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
let lastPoll = lastChange;
let cpuAtChange = mainThread()?.cpuMs;
let asleepMs = 0;
for (;;) {
  sleep(pollMs);
  const beat = Atomics.load(words, BEAT);
  const now = Date.now();
  const sincePoll = now - lastPoll;
  lastPoll = now;
  const thread = mainThread();
  if (beat !== lastBeat || Atomics.load(words, PAUSED) === 1) {
    lastBeat = beat;
    lastChange = now;
    cpuAtChange = thread?.cpuMs;
    asleepMs = 0;
    continue;
  }
  // Without /proc, wall time stands in for both.
  if (!thread?.runnable) asleepMs += sincePoll;
  const spec = runningSpec();
  const bound = spec ? thresholdMs : LOADING_FACTOR * thresholdMs;
  const wallMs = now - lastChange;
  const cpuMs = thread && cpuAtChange !== undefined ? thread.cpuMs - cpuAtChange : wallMs;
  const spinning = cpuMs >= bound;
  if (!spinning && asleepMs < SLEEP_FACTOR * bound) continue;
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
