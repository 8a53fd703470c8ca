// The once-a-second line: on a terminal it redraws itself with a progress bar; in a log
// (CI, a pipe) it is a plain line per second.
import { formatMs, formatRate } from './format.ts';
import { generatorLiveField } from './generator-cost.ts';
import { type HistoryRow, PERCENTILES } from './run-stats.ts';
import { formatDuration } from './units.ts';

const BAR_WIDTH = 24;

function progressBar(elapsedMs: number, runTimeMs: number): string {
  const done = Math.min(BAR_WIDTH, Math.round((elapsedMs / runTimeMs) * BAR_WIDTH));
  return `[${'#'.repeat(done)}${'.'.repeat(BAR_WIDTH - done)}]`;
}

export function liveLine(
  row: HistoryRow,
  elapsedMs: number,
  runTimeMs: number,
  tty: boolean,
): string {
  const time = Number.isFinite(runTimeMs)
    ? `${formatDuration(elapsedMs)}/${formatDuration(runTimeMs)}`
    : formatDuration(elapsedMs);
  const at = (p: number) => row.current?.[PERCENTILES.indexOf(p as (typeof PERCENTILES)[number])];
  const p50 = at(50);
  const p95 = at(95);
  const latency =
    p50 === undefined || p95 === undefined
      ? 'p50 -, p95 -'
      : `p50 ${formatMs(p50)} ms, p95 ${formatMs(p95)} ms`;
  const generator = generatorLiveField(row.generator);
  const fields = [
    `users ${row.users}`,
    `${formatRate(row.rps)} req/s`,
    latency,
    `${formatRate(row.failPerSec)} fail/s`,
    ...(generator ? [generator] : []),
  ].join(' | ');
  const bar = tty && Number.isFinite(runTimeMs) ? `${progressBar(elapsedMs, runTimeMs)} ` : '';
  return `${bar}${time} | ${fields}`;
}

export interface LiveOutput {
  update(line: string): void;
  /** Leaves the terminal line as it is and moves on. */
  done(): void;
}

export function liveOutput(stream: NodeJS.WriteStream): LiveOutput {
  if (!stream.isTTY) return { update: (line) => stream.write(`${line}\n`), done: () => {} };
  let drawn = false;
  return {
    update(line) {
      stream.write(`\r\x1b[2K${line}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
