// The words the test thread and the watchdog thread share. The test thread bumps BEAT from a
// timer; a beat that stops moving means its event loop is blocked. The running spec's name
// sits in a byte buffer beside it, because a blocked thread cannot be asked for it.

export const WORD = {
  /** Bumped by the test thread's timer. */
  beat: 0,
  /** Length in bytes of the running spec's name in the name buffer. */
  nameLength: 1,
  /** 1 while the watchdog should be quiet (between spec files, after teardown). */
  paused: 2,
} as const;

export const WORDS = 3;
export const NAME_BYTES = 4096;

export interface HeartbeatBuffers {
  words: SharedArrayBuffer;
  name: SharedArrayBuffer;
}

export interface WatchdogData extends HeartbeatBuffers {
  thresholdMs: number;
  file: string;
  recordDir: string;
  runName: string;
  /** How long the message gets to reach the terminal before the kill. */
  graceMs: number;
}

export function createHeartbeat(): HeartbeatBuffers {
  return {
    words: new SharedArrayBuffer(WORDS * Int32Array.BYTES_PER_ELEMENT),
    name: new SharedArrayBuffer(NAME_BYTES),
  };
}

const encoder = new TextEncoder();

/** Publishes the running spec's name (truncated to the buffer). */
export function publishName(buffers: HeartbeatBuffers, name: string): void {
  const bytes = encoder.encode(name).slice(0, NAME_BYTES);
  new Uint8Array(buffers.name).set(bytes);
  Atomics.store(new Int32Array(buffers.words), WORD.nameLength, bytes.length);
}
