// `npm run docs` fills the READMEs from the manifest and records the pristine stubs for
// `npm run kata -- reset` (katas/pristine.json); `npm run docs -- --check` only reports.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { katas } from '../katas/manifest.ts';
import { pristineFile, pristineOf } from '../lib/kata-cli/pristine.ts';
import { repoRoot } from '../lib/target/target.ts';
import { renderedReadmes } from './render-docs.ts';

function main(): number {
  const check = process.argv.includes('--check');
  const files = new Map(renderedReadmes());
  const pristine = pristineOf(
    repoRoot,
    katas.map((kata) => kata.id),
    !check,
  );
  files.set(relative(repoRoot, pristineFile(repoRoot)), `${JSON.stringify(pristine, null, 2)}\n`);
  const stale: string[] = [];
  for (const [file, text] of files) {
    const path = join(repoRoot, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    stale.push(file);
    if (!check) writeFileSync(path, text);
  }
  if (stale.length === 0)
    console.log('docs: every README and katas/pristine.json match the manifest');
  else if (check) console.log(`docs: out of date (run npm run docs): ${stale.join(', ')}`);
  else console.log(`docs: rewrote ${stale.join(', ')}`);
  return check && stale.length > 0 ? 1 : 0;
}

process.exitCode = main();
