// lib/ is shared code that is no exercise: it reaches the learner's or the reference's code
// only through the switch in lib/target/, never by a path of its own. Otherwise a tool or a
// worker would run the reference where the learner asked for their code (`--kata`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/target/target.ts';
import {
  intoExercises,
  type ModuleReference,
  missesNodeModules,
  moduleReferences,
} from './module-paths.ts';

const SWITCH = 'lib/target/';

function libFiles(): string[] {
  return readdirSync(join(repoRoot, 'lib'), { recursive: true, encoding: 'utf8' })
    .map((file) => `lib/${file}`)
    .filter((file) => /\.(ts|mts|mjs|js)$/.test(file) && !file.startsWith(SWITCH));
}

type Check = (reference: ModuleReference) => string | undefined;

/** Every reference the check objects to, as `file:line kind text: why`. */
function violations(
  file: string,
  source: string,
  check: Check = intoExercises,
): { kind: string; line: string }[] {
  return moduleReferences(source, join(repoRoot, file), repoRoot).flatMap((reference) => {
    const why = check(reference);
    const line = `${file}:${reference.line} ${reference.kind} ${reference.text}: ${why}`;
    return why ? [{ kind: reference.kind, line }] : [];
  });
}

function scanLib(check: Check): string[] {
  const files = libFiles();
  expect(files.length).toBeGreaterThan(30);
  return files.flatMap((file) =>
    violations(file, readFileSync(join(repoRoot, file), 'utf8'), check).map(({ line }) => line),
  );
}

describe('lib/ reaches katas/ and solutions/ only through lib/target/', () => {
  it('no file in lib/ outside lib/target/ names a path into katas/ or solutions/', () => {
    const found = scanLib(intoExercises);
    expect(found, 'use importTarget / resolveTargetModule from lib/target/ instead').toEqual([]);
  });

  it('the scan catches every way of naming such a path', () => {
    const source = `
      import { StatsEntry } from '../../solutions/10-load-tester/stats.ts';
      import type { Histogram } from '../../katas/10-load-tester/histogram.ts';
      export { x } from '../../katas/01-lost-updates/increment.ts';
      type T = import('../../solutions/10-load-tester/stats.ts').StatsEntry;
      const a = await import('../../katas/09-album-service/app.ts');
      const b = await import(\`../../\${kata ? 'katas' : 'solutions'}/09-album-service/app.ts\`);
      const c = new URL('../../solutions/10-load-tester/stats.ts', import.meta.url);
      const d = join(here, '../../katas/03-mutex/shared-mutex.ts');
      const e = join(repoRoot, 'solutions', '10-load-tester');
      const f = await import('@target/10-load-tester/stats');
    `;
    const found = violations('lib/load/example.ts', source);
    expect(found.map(({ kind }) => kind)).toEqual([
      'import',
      'import',
      'import',
      'import',
      'import()',
      'import()',
      'new URL()',
      'path string',
      'path string',
      'import()',
    ]);
    expect(found[0]?.line).toMatch(
      /^lib\/load\/example\.ts:2 import .*: points into solutions\/10/,
    );
  });

  it('lets through what stays inside lib/ or is computed without naming the trees', () => {
    const source = `
      import { seededRandom } from '../random.ts';
      import { Command } from 'commander';
      const bootstrap = new URL('../workers/bootstrap.mjs', import.meta.url);
      const scenario = await import(pathToFileURL(modulePath).href);
      const help = 'record with your code in katas/ instead of the reference';
      // import '../../solutions/10-load-tester/stats.ts' in a comment does not count
    `;
    expect(violations('lib/load/example.ts', source)).toEqual([]);
  });
});

describe('paths in lib/ that typecheck cannot see', () => {
  // Moving a file a folder deeper silently breaks `new URL('../node_modules/…', import.meta.url)`.
  it('every relative path to node_modules/ reaches the repository’s node_modules/', () => {
    expect(scanLib(missesNodeModules), 'count the folders the file now sits in').toEqual([]);
  });

  it('the check catches a path that climbs one folder too few', () => {
    const source = `
      const ok = new URL('../../node_modules/@electric-sql/pglite/', import.meta.url);
      const short = new URL(\`../node_modules/.cache/x-\${version}.tar\`, import.meta.url);
    `;
    const found = violations('lib/album/example.ts', source, missesNodeModules);
    expect(found.map(({ line }) => line)).toEqual([
      expect.stringMatching(
        /^lib\/album\/example\.ts:3 new URL\(\) .*reaches lib\/node_modules\/\.cache\/x-, not node_modules/,
      ),
    ]);
  });
});
