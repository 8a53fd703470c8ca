import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseSubstitutes,
  parseTarget,
  repoRoot,
  resolveTargetModule,
  selectionFromEnv,
  selectionToEnv,
  toolSelection,
} from '../../lib/target/target.ts';

describe('the kata/reference switch', () => {
  it('defaults to katas and accepts solutions', () => {
    expect(parseTarget(undefined)).toBe('katas');
    expect(parseTarget('solutions')).toBe('solutions');
  });

  it('names the allowed values when KATA_TARGET is misspelled', () => {
    expect(() => parseTarget('solution')).toThrow(
      /must be one of katas, solutions; got "solution"/,
    );
  });

  it('resolves a module in the chosen tree', () => {
    const selection = { target: 'solutions' as const, substitutes: {} };
    expect(resolveTargetModule('@target/01-lost-updates/add-many', selection)).toBe(
      join(repoRoot, 'solutions/01-lost-updates/add-many.ts'),
    );
  });

  it('substitutes one module with a wrong answer, and round-trips through the environment', () => {
    const wrong = 'tests/01-lost-updates/wrong/add-many.load-then-store.ts';
    const selection = {
      target: 'solutions' as const,
      substitutes: parseSubstitutes(`01-lost-updates/add-many=${wrong}`),
    };
    expect(resolveTargetModule('01-lost-updates/add-many', selection)).toBe(join(repoRoot, wrong));
    expect(resolveTargetModule('01-lost-updates/increment', selection)).toMatch(/solutions/);
    expect(selectionFromEnv(selectionToEnv(selection))).toEqual(selection);
  });

  it('says which file is missing', () => {
    expect(() => resolveTargetModule('01-lost-updates/nope')).toThrow(/nope\.ts does not exist/);
    expect(() => parseSubstitutes('no-equals-sign')).toThrow(/<kata>\/<module>=<file>/);
  });

  it('gives the tools the reference, the learner’s code with --kata, and honours KATA_SUBSTITUTE', () => {
    const wrong = 'tests/10-load-tester/wrong/stats.whole-run-rps.ts';
    const env = { KATA_TARGET: 'katas', KATA_SUBSTITUTE: `10-load-tester/histogram=${wrong}` };
    // KATA_TARGET is the specs' switch: a tool's own default is the reference.
    expect(resolveTargetModule('10-load-tester/stats', toolSelection(false, env))).toBe(
      join(repoRoot, 'solutions/10-load-tester/stats.ts'),
    );
    expect(resolveTargetModule('10-load-tester/stats', toolSelection(true, env))).toBe(
      join(repoRoot, 'katas/10-load-tester/stats.ts'),
    );
    expect(resolveTargetModule('10-load-tester/histogram', toolSelection(false, env))).toBe(
      join(repoRoot, wrong),
    );
  });
});
