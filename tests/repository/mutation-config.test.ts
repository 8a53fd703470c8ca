// `npm run mutation -- NN` is too slow for `npm test`; these keep its inputs from rotting.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { katas } from '../../katas/manifest.ts';
import { repoRoot } from '../../lib/target/target.ts';
import { parseEquivalents } from '../../scripts/mutation/score.ts';
import { lessonLib } from '../../scripts/mutation/stryker-options.ts';

describe('the mutation-testing setup', () => {
  it('names, for every kata, the lib/ files its lesson depends on, and they exist', () => {
    for (const kata of katas) {
      const files = lessonLib[kata.id];
      expect(files, `add a lessonLib line for ${kata.id}`).toBeDefined();
      for (const file of files ?? []) {
        expect(existsSync(join(repoRoot, file)), `${file} (lessonLib of ${kata.id})`).toBe(true);
      }
    }
  });

  it('reads every EQUIVALENT.md: one mutant and one reason a line', () => {
    for (const kata of katas) {
      const file = `tests/${kata.id}/EQUIVALENT.md`;
      if (!existsSync(join(repoRoot, file))) continue;
      expect(() =>
        parseEquivalents(readFileSync(join(repoRoot, file), 'utf8'), file),
      ).not.toThrow();
    }
  });

  it('rejects an equivalent listed without a reason', () => {
    const line = '- `solutions/x.ts:3:9` EqualityOperator `a <= b`';
    expect(() => parseEquivalents(line, 'EQUIVALENT.md')).toThrow(/EQUIVALENT.md:1/);
    expect(parseEquivalents(`${line} — both stop at b`, 'EQUIVALENT.md')).toEqual([
      { key: '`solutions/x.ts:3:9` EqualityOperator `a <= b`', reason: 'both stop at b' },
    ]);
  });
});
