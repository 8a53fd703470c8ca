import { describe, expect, it } from 'vitest';
import { katas } from '../../katas/manifest.ts';
import { renderSteps } from '../../lib/interleavings/render.ts';
import { parseSteps } from '../../lib/interleavings/steps.ts';
import { findKataIn } from '../../lib/kata-cli/names.ts';

describe('a kata is 03, 3 or 03-mutex, everywhere', () => {
  it('finds kata 03 by its number, padded or not, its id and its name', () => {
    for (const name of ['03', '3', '03-mutex', 'mutex', 'katas/03-mutex/']) {
      expect(findKataIn(katas, name)?.id, name).toBe('03-mutex');
    }
  });

  it('finds nothing for a number or name that no kata has', () => {
    for (const name of ['99', '', 'mute', '0'])
      expect(findKataIn(katas, name), name).toBeUndefined();
  });
});

describe("fast-check's failing order, readable", () => {
  // fast-check's own numbering of the scheduled promises is `task${n}`; the last line closes
  // the template and the counterexample's array.
  const step = (n: number, label: string) => `-> [task\${${n}}] promise::${label} resolved`;
  const report = [
    'schedulerFor()`',
    step(1, 'task 0: get(n)'),
    step(4, 'task 0: set(n)'),
    step(3, 'task 2: get(n)'),
    `${step(2, 'task 1: get(n)')}\`,3]`,
  ].join('\n');

  it('parses each resumed await into the task of its label', () => {
    expect(parseSteps(report)).toEqual([
      { task: 0, what: 'get(n)' },
      { task: 0, what: 'set(n)' },
      { task: 2, what: 'get(n)' },
      { task: 1, what: 'get(n)' },
    ]);
  });

  it('renders numbered steps, one column per task', () => {
    const lines = renderSteps(parseSteps(report)).split('\n');
    expect(lines[0]).toMatch(/^ step {2}task 0 +task 1 +task 2$/);
    expect(lines[3]).toMatch(/^ {4}3 {2} +get\(n\)$/);
    expect(lines[3]!.indexOf('get(n)')).toBe(lines[0]!.indexOf('task 2'));
  });
});
