// What the load generator itself costs, per thread, as the course read it from `docker stats`:
// a generator thread near 100 % of a core is the bottleneck, and its numbers describe itself,
// not the server. Node 20 has no per-thread CPU call (`process.cpuUsage()` is the whole
// process), so each thread reads its own line in /proc: Linux only; elsewhere, undefined.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** USER_HZ: the unit of utime and stime in /proc/…/stat (100 on every common Linux). */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of a /proc stat file, in seconds; the command name may hold spaces and ')'. */
function statCpuSeconds(file: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  return (Number(fields[11]) + Number(fields[12])) / clockTicks();
}

/** CPU seconds the calling thread has used so far. */
export const threadCpuSeconds = () => statCpuSeconds('/proc/thread-self/stat');

/** CPU seconds a whole process (all its threads) has used so far. */
export const processCpuSeconds = (pid: number) => statCpuSeconds(`/proc/${pid}/stat`);

export interface CpuSample {
  /** CPU seconds used over the interval. */
  cpuSeconds: number;
  /** Wall-clock seconds of the interval. */
  wallSeconds: number;
}

/** CPU over wall time since the previous reading: 1.0 is one whole core. */
export class CpuMeter {
  private lastCpu: number | undefined;
  private lastWall = performance.now();

  constructor(private readonly read: () => number | undefined = threadCpuSeconds) {
    this.lastCpu = read();
  }

  sample(): CpuSample | undefined {
    const cpu = this.read();
    const wall = performance.now();
    const sample =
      cpu === undefined || this.lastCpu === undefined
        ? undefined
        : { cpuSeconds: cpu - this.lastCpu, wallSeconds: (wall - this.lastWall) / 1000 };
    this.lastCpu = cpu;
    this.lastWall = wall;
    return sample;
  }
}

/** Above this share of a core a generator thread is saturated (Locust warns at 90 % too). */
export const SATURATED_SHARE = 0.9;
