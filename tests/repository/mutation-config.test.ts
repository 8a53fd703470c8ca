// `npm run mutation -- NN` is too slow for `npm test`; these keep its inputs from rotting.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { katas } from '../../katas/manifest.ts';
import { repoRoot } from '../../lib/target/target.ts';
import { parseEquivalents, scoreReport } from '../../scripts/mutation/score.ts';
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

  it('calls an EQUIVALENT.md line stale only for a file the run mutated (a --mutate run)', () => {
    const mutant = (id: string, line: number, status: string) => ({
      id,
      mutatorName: 'BooleanLiteral',
      replacement: 'false',
      status,
      location: { start: { line, column: 1 }, end: { line, column: 5 } },
    });
    const report = {
      files: {
        'a.ts': {
          source: 'true\ntrue\n',
          mutants: [mutant('1', 1, 'Killed'), mutant('2', 2, 'Survived')],
        },
      },
    };
    const equivalents = parseEquivalents(
      [
        '- `a.ts:2:1` BooleanLiteral `false` — listed and alive',
        '- `a.ts:1:1` BooleanLiteral `false` — killed now: stale',
        '- `b.ts:1:1` BooleanLiteral `false` — not mutated by this run',
      ].join('\n'),
      'EQUIVALENT.md',
    );
    const score = scoreReport(report, equivalents);
    expect(score).toMatchObject({ killed: 1, survived: 0, equivalent: 1, score: 100 });
    expect(score.stale.map((line) => line.key)).toEqual(['`a.ts:1:1` BooleanLiteral `false`']);
  });
});
