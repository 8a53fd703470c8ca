// `npm run kata`: starts the kata CLI (scripts/kata.ts) compiled to one plain JavaScript file,
// so `hint`, `list` and `show` answer in a tenth of a second instead of paying for a TypeScript
// loader (tsx: about 0.5 s of CPU) on every call. The compiled file lives in
// node_modules/.cache/kata-cli/ and is rebuilt (esbuild, ~0.2 s) whenever one of the files it
// was built from changes: the modification time of every input is recorded beside it.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(repo, 'node_modules', '.cache', 'kata-cli');
const bundle = join(cache, 'kata.mjs');
const inputsFile = join(cache, 'inputs.json');

const mtime = (file) => {
  try {
    return statSync(join(repo, file)).mtimeMs;
  } catch {
    return -1;
  }
};

/** The compiled CLI is current: built for this folder, from files that have not changed since. */
function current() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return false;
  const recorded = JSON.parse(readFileSync(inputsFile, 'utf8'));
  return (
    recorded.repo === repo &&
    Object.entries(recorded.inputs).every(([file, time]) => mtime(file) === time)
  );
}

async function compile() {
  const { build } = await import('esbuild');
  mkdirSync(cache, { recursive: true });
  // Written aside, then renamed: two CLIs started at once never read half a file.
  const partial = `${bundle}.${process.pid}`;
  const result = await build({
    absWorkingDir: repo,
    entryPoints: ['scripts/kata.ts'],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // The one module in the CLI that reads import.meta.url is lib/target/target.ts (repoRoot).
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(join(repo, 'lib/target/target.ts')).href),
    },
    metafile: true,
    logLevel: 'error',
  });
  const inputs = Object.fromEntries(
    Object.keys(result.metafile.inputs).map((file) => [file, mtime(file)]),
  );
  renameSync(partial, bundle);
  writeFileSync(`${inputsFile}.${process.pid}`, JSON.stringify({ repo, inputs }));
  renameSync(`${inputsFile}.${process.pid}`, inputsFile);
}

if (!current()) await compile();
await import(pathToFileURL(bundle).href);
