// The page's script: browser/app.ts and what it imports (the report's chart code and uPlot,
// with uPlot's licence notice), bundled once per process by esbuild into one same-origin file.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { browserBundle } from '../charts/bundle.ts';

const entry = fileURLToPath(new URL('./browser/app.ts', import.meta.url));

let bundled: Promise<string> | undefined;

export function pageScript(): Promise<string> {
  bundled ??= build({ ...browserBundle(entry), logLevel: 'silent' }).then(
    (result) => result.outputFiles[0]!.text,
  );
  return bundled;
}
