// Steps as a table: a row per step, a column per task, so who ran when reads left to right.
import type { Step } from './steps.ts';

const clip = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

export interface ValueColumn {
  name: string;
  /** values[i] before step i + 1; values[i + 1] after it. */
  values: readonly string[];
}

/** `0 → 1`: the shared value around step i (0-based), if it was read. */
export function change(column: ValueColumn, i: number): string | undefined {
  const before = column.values[i];
  const after = column.values[i + 1];
  return before === undefined || after === undefined ? undefined : `${before} → ${after}`;
}

export function renderSteps(
  steps: readonly Step[],
  upTo = steps.length,
  value?: ValueColumn,
): string {
  const tasks = [...new Set(steps.map((step) => step.task ?? -1))].sort((a, b) => a - b);
  const width = Math.min(28, Math.max(8, ...steps.map((step) => step.what.length + 1)));
  const name = (task: number) => (task < 0 ? 'other' : `task ${task}`);
  const extra = value ? `  ${value.name}` : '';
  const header = ` step  ${tasks.map((task) => clip(name(task), width)).join(' ')}${extra}`;
  const rows = steps.slice(0, upTo).map((step, i) => {
    const cells = tasks.map((task) => clip((step.task ?? -1) === task ? step.what : '', width));
    const moved = value ? `  ${change(value, i) ?? ''}` : '';
    return `${String(i + 1).padStart(5)}  ${cells.join(' ')}${moved}`.trimEnd();
  });
  return [header.trimEnd(), ...rows].join('\n');
}
