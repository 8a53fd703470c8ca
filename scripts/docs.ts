// `npm run docs` fills the READMEs from the manifest; `npm run docs -- --check` only reports.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib/target/target.ts';
import { renderedReadmes } from './render-docs.ts';

function main(): number {
  const check = process.argv.includes('--check');
  const stale: string[] = [];
  for (const [file, text] of renderedReadmes()) {
    if (readFileSync(join(repoRoot, file), 'utf8') === text) continue;
    stale.push(file);
    if (!check) writeFileSync(join(repoRoot, file), text);
  }
  if (stale.length === 0) console.log('docs: every README matches the manifest');
  else if (check) console.log(`docs: out of date (run npm run docs): ${stale.join(', ')}`);
  else console.log(`docs: rewrote ${stale.join(', ')}`);
  return check && stale.length > 0 ? 1 : 0;
}

process.exitCode = main();
