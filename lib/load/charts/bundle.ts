// The report's inline script and style: page.ts with uPlot bundled in (esbuild, once per
// process), and uPlot's stylesheet, so the single HTML file needs no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync } from 'esbuild';

const require = createRequire(import.meta.url);
let script: string | undefined;

/** uPlot is MIT-licensed: its notice travels with every copy (the minifier drops comments). */
function uPlotNotice(): string {
  const { version } = require('uplot/package.json') as { version: string };
  return `/*! uPlot ${version} (μPlot), https://github.com/leeoniya/uPlot, (c) Leon Sorokin, MIT License */`;
}

/** esbuild's options for a browser script that carries uPlot: one minified IIFE, its notice on top. */
export const browserBundle = (entry: string) =>
  ({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    minify: true,
    platform: 'browser',
    target: 'es2020',
    charset: 'utf8',
    write: false,
    banner: { js: uPlotNotice() },
  }) satisfies BuildOptions;

/** The bundled browser script, safe to put inside <script>…</script>. */
export function chartScript(): string {
  if (script === undefined) {
    const { outputFiles } = buildSync(
      browserBundle(fileURLToPath(new URL('./page.ts', import.meta.url))),
    );
    script = outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
  }
  return script;
}

/** uPlot's own stylesheet. */
export function chartStyle(): string {
  return readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
}

/** JSON for a <script type="application/json"> element: no "</script>" can close it early. */
export const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
