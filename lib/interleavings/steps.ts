// The scheduler's report, one line per resumed await:
//   -> [task${4}] promise::task 0: set(n) resolved
// `task${4}` is fast-check's own numbering of scheduled promises; the label is the spec's.

export interface Step {
  /** The spec's task number (from a label `task <n>: …`), or undefined if the label has none. */
  task: number | undefined;
  /** What resumed, without the `task <n>: ` prefix. */
  what: string;
}

const line =
  /^->\s*\[task\$\{\d+\}\]\s*(?:promise|function)::(.*?)\s+(?:resolved|rejected)(?:\s+with value .*?)?(?:`.*)?$/;

export function parseSteps(report: string): Step[] {
  const steps: Step[] = [];
  for (const text of report.split('\n')) {
    const match = line.exec(text.trim());
    if (!match) continue;
    const label = match[1]!;
    const task = /^task (\d+): (.*)$/.exec(label);
    steps.push(task ? { task: Number(task[1]), what: task[2]! } : { task: undefined, what: label });
  }
  return steps;
}
