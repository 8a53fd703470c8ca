// The kernel's own count of the write system calls this process has made: `syscw` in
// /proc/self/io (Linux). No strace, no sampling: read it before and after a synchronous
// section and the difference is exactly the writes made in between, by this thread and
// every other thread of the process (libuv's pool included), so nothing else may run then.
import { readFileSync } from 'node:fs';

const SYSCW = /^syscw:\s*(\d+)$/m;

/** The process's write system calls so far, or undefined where /proc/self/io is missing. */
export function writeSyscalls(): number | undefined {
  let text: string;
  try {
    text = readFileSync('/proc/self/io', 'utf8');
  } catch {
    return undefined;
  }
  const match = SYSCW.exec(text);
  return match ? Number(match[1]) : undefined;
}
