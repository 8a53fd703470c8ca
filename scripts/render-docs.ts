// The manifest is the one source of the kata table and of each kata's questions and hints;
// these functions render them into the READMEs between marker comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Kata, katas } from '../katas/manifest.ts';
import { repoRoot } from '../lib/target/target.ts';

export type Section = 'katas' | 'questions' | 'hints';

const begin = (section: Section) => `<!-- BEGIN manifest:${section} -->`;
const end = (section: Section) => `<!-- END manifest:${section} -->`;

export function kataTable(katas: Kata[]): string {
  const rows = katas.map(
    (kata, i) =>
      `| ${i + 1} | [${kata.id}](katas/${kata.id}/README.md) | ${kata.title} | ${kata.experiment} | ` +
      `${kata.files.map((file) => `\`${file}\``).join(', ')} |`,
  );
  return ['| # | kata | title | experiment | you edit |', '|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

export function questionList(kata: Kata): string {
  return kata.questions.map((question, i) => `${i + 1}. ${question}`).join('\n');
}

const tierNames = ['a nudge', 'the approach', 'nearly the answer'];

export function hintList(kata: Kata): string {
  return kata.hints
    .map(
      (hint, i) =>
        `<details><summary>Hint ${i + 1}: ${tierNames[i]}</summary>\n\n${hint}\n\n</details>`,
    )
    .join('\n\n');
}

/** Replaces what stands between a section's markers; throws if the markers are missing. */
export function fillSection(
  document: string,
  section: Section,
  body: string,
  file: string,
): string {
  const from = document.indexOf(begin(section));
  const to = document.indexOf(end(section));
  if (from < 0 || to < from) {
    throw new Error(`${file} needs the markers ${begin(section)} … ${end(section)}`);
  }
  return `${document.slice(0, from + begin(section).length)}\n${body}\n${document.slice(to)}`;
}

/** Every README as the manifest says it should read, by path. */
export function renderedReadmes(): Map<string, string> {
  const files = new Map<string, string>();
  const rootFile = 'README.md';
  const root = readFileSync(join(repoRoot, rootFile), 'utf8');
  files.set(rootFile, fillSection(root, 'katas', kataTable(katas), rootFile));
  for (const kata of katas) {
    const file = `katas/${kata.id}/README.md`;
    let text = readFileSync(join(repoRoot, file), 'utf8');
    text = fillSection(text, 'questions', questionList(kata), file);
    text = fillSection(text, 'hints', hintList(kata), file);
    files.set(file, text);
  }
  return files;
}
