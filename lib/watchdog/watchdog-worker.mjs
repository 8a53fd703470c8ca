// The watching thread. It polls the test thread's heartbeat; when the beat has not moved for
// `thresholdMs`, the test thread's event loop is blocked, and no timer there (vitest's test
// timeout included) can fire. It then writes the message with fs.writeSync(2) (the blocked
// thread owns process.stderr), leaves a record for the reporters, gives the message
// `graceMs` to land, and kills the spec file's process.
import { mkdirSync, writeFileSync, writeSync } from 'node:fs';
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
const pollMs = Math.max(10, Math.min(250, thresholdMs / 10));
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const decoder = new TextDecoder();

const sleep = (ms) => Atomics.wait(sleeper, 0, 0, ms);

function runningSpec() {
  const length = Atomics.load(words, NAME_LENGTH);
  // The name buffer is shared: copy before decoding.
  return length > 0 ? decoder.decode(new Uint8Array(nameBuffer).slice(0, length)) : '';
}

let lastBeat = Atomics.load(words, BEAT);
let lastChange = Date.now();
for (;;) {
  sleep(pollMs);
  const beat = Atomics.load(words, BEAT);
  const now = Date.now();
  if (beat !== lastBeat || Atomics.load(words, PAUSED) === 1) {
    lastBeat = beat;
    lastChange = now;
    continue;
  }
  const spec = runningSpec();
  // Loading a spec file may compile a large module (PGlite's WebAssembly) in one go: before
  // the first spec starts, the loop gets three times as long.
  if (now - lastChange < (spec ? thresholdMs : 3 * thresholdMs)) continue;
  const blockedMs = now - lastChange;
  const seconds = (blockedMs / 1000).toFixed(1);
  const where = spec ? `${file} › ${spec}` : `${file} (while loading it)`;
  const message =
    `your code blocked the event loop for ${seconds} s in ${where}: ` +
    'a busy-wait (a loop that waits for a value only another task can change), ' +
    'or Atomics.wait on the main thread? No timer can fire while the loop is blocked, ' +
    'so the watchdog stopped this spec file.';
  try {
    writeSync(2, `\n\u001b[31mHANG\u001b[39m ${message}\n\n`);
  } catch {}
  try {
    mkdirSync(recordDir, { recursive: true });
    writeFileSync(
      join(recordDir, `${process.pid}-${now}.json`),
      JSON.stringify({ file, spec, runName, blockedMs, message }),
    );
  } catch {}
  sleep(graceMs);
  process.kill(process.pid, 'SIGKILL');
}
