// Steps as a table: a row per step, a column per task, so who ran when reads left to right.
import type { Step } from './steps.ts';

const clip = (text: string, width: number) =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

export function renderSteps(steps: readonly Step[], upTo = steps.length): string {
  const tasks = [...new Set(steps.map((step) => step.task ?? -1))].sort((a, b) => a - b);
  const width = Math.min(28, Math.max(8, ...steps.map((step) => step.what.length + 1)));
  const name = (task: number) => (task < 0 ? 'other' : `task ${task}`);
  const header = ` step  ${tasks.map((task) => clip(name(task), width)).join(' ')}`;
  const rows = steps.slice(0, upTo).map((step, i) => {
    const cells = tasks.map((task) => clip((step.task ?? -1) === task ? step.what : '', width));
    return `${String(i + 1).padStart(5)}  ${cells.join(' ')}`.trimEnd();
  });
  return [header.trimEnd(), ...rows].join('\n');
}
