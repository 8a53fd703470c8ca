// Reads back the lines many tasks wrote into one file: how many are missing, torn or out
// of their task's order.
import { LINE_PATTERN } from './lines.ts';

export interface Audit {
  lines: number;
  torn: number;
  outOfOrder: number;
  missing: number;
}

export function auditLines(text: string, tasks: number, perTask: number): Audit {
  const rows = text.split('\n');
  if (rows.at(-1) === '') rows.pop();
  const next = new Array<number>(tasks).fill(0);
  let torn = 0;
  let outOfOrder = 0;
  let intact = 0;
  for (const row of rows) {
    const match = LINE_PATTERN.exec(row);
    const task = Number(match?.[1]);
    if (!match || task >= tasks) {
      torn++;
      continue;
    }
    intact++;
    if (Number(match[2]) !== next[task]) outOfOrder++;
    next[task] = Number(match[2]) + 1;
  }
  return { lines: rows.length, torn, outOfOrder, missing: tasks * perTask - intact };
}

export function describeAudit(audit: Audit, tasks: number, perTask: number): string {
  const total = (tasks * perTask).toLocaleString('en-US');
  const why = [
    audit.lines < tasks * perTask
      ? 'tasks wrote at the same file offset and overwrote each other'
      : '',
    audit.torn > 0 ? 'bytes of different writes were mixed in one line' : '',
    audit.outOfOrder > 0 ? "a task's lines landed out of order" : '',
  ].filter(Boolean);
  return (
    `lost ${audit.missing.toLocaleString('en-US')} of ${total} lines ` +
    `(${audit.torn} torn, ${audit.outOfOrder} out of order)${why.length > 0 ? `: ${why.join('; ')}` : ''}`
  );
}
