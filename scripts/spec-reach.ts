// Which spec files can observe a module: a wrong answer for `increment` need not re-run the
// thread specs of `add-many`. Conservative by construction: missing a spec can only make the
// verifier report a wrong answer as accepted (a gap), never hide one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { repoRoot } from '../lib/target/target.ts';

const LOCAL_FILE = /['"](\.{1,2}\/[^'"]+\.ts)['"]/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Modules of the reference that import `module`, directly or through each other, and itself. */
function modulesReaching(kata: string, module: string): Set<string> {
  const dir = join(repoRoot, 'solutions', kata);
  const sources = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => ({ name: file.slice(0, -3), text: readFileSync(join(dir, file), 'utf8') }));
  const reaching = new Set([module]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { name, text } of sources) {
      if (reaching.has(name)) continue;
      if ([...reaching].some((target) => text.includes(`./${target}.ts`))) {
        reaching.add(name);
        grew = true;
      }
    }
  }
  return reaching;
}

/** The spec's text plus every local file under its kata's tests that it pulls in. */
function reachableText(spec: string, kataTests: string): string {
  const seen = new Set<string>();
  const texts: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    texts.push(text);
    for (const [, path] of text.matchAll(LOCAL_FILE)) {
      const next = normalize(join(dirname(file), path!));
      if (!relative(kataTests, next).startsWith('..')) visit(next);
    }
  };
  visit(join(repoRoot, spec));
  return texts.join('\n');
}

export function specsReaching(kata: string, module: string, specs: string[]): string[] {
  const ids = [...modulesReaching(kata, module)].map(
    (name) => new RegExp(`${escapeRegExp(`${kata}/${name}`)}(?![\\w-])`),
  );
  const kataTests = join(repoRoot, 'tests', kata);
  const reached = specs.filter((spec) => {
    const text = reachableText(spec, kataTests);
    return ids.some((id) => id.test(text));
  });
  return reached.length > 0 ? reached : specs;
}
