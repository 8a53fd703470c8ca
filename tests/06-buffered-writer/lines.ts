// The experiment's load: short log lines of 50 bytes, 100,000 of them (5.0 MB), the same
// in the specs and the bench.
export const LINES = 100_000;
export const LINE_BYTES = 50;

/** Line `i` of task `task`: `task 07 line 000123 ` padded with x to LINE_BYTES, then `\n`. */
export function line(i: number, task = 0): string {
  const head = `task ${String(task).padStart(2, '0')} line ${String(i).padStart(6, '0')} `;
  return `${head.padEnd(LINE_BYTES - 1, 'x')}\n`;
}

export const lines = (count = LINES, task = 0): string[] =>
  Array.from({ length: count }, (_, i) => line(i, task));

export const LINE_PATTERN = /^task (\d\d) line (\d{6}) x+$/;

export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
