import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { katas } from '../../katas/manifest.ts';
import { repoRoot } from '../../lib/target/target.ts';
import { renderedReadmes } from '../../scripts/render-docs.ts';

describe('the READMEs agree with the manifest', () => {
  for (const [file, expected] of renderedReadmes()) {
    it(`${file} is up to date (npm run docs)`, () => {
      expect(readFileSync(join(repoRoot, file), 'utf8')).toBe(expected);
    });
  }

  it('lists each kata once, in order, with files that exist in both trees', () => {
    const ids = katas.map((kata) => kata.id);
    expect(ids).toEqual([...new Set(ids)].sort());
    for (const kata of katas) {
      for (const file of kata.files) {
        expect(() => readFileSync(join(repoRoot, 'katas', kata.id, file))).not.toThrow();
        expect(() => readFileSync(join(repoRoot, 'solutions', kata.id, file))).not.toThrow();
      }
    }
  });
});
