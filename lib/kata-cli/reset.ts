// `reset <kata>`: the learner's files go to a backup folder it names, and the pristine stub
// comes back (pristine.ts).
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Kata } from '../target/manifest.ts';
import { kataPath } from '../target/target.ts';
import { pristineText, readPristine, stubFiles } from './pristine.ts';
import { stateDir } from './root.ts';

export interface ResetOutcome {
  backup: string;
  restored: string[];
}

export function resetKata(root: string, kata: Kata, now = new Date()): ResetOutcome {
  const pristine = Object.entries(readPristine(root)).filter(([key]) =>
    key.startsWith(`${kata.id}/`),
  );
  if (pristine.length === 0) {
    throw new Error(`no pristine copy of ${kata.id} is recorded in katas/pristine.json`);
  }
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const backup = join(stateDir(root), 'backups', `${kata.id}-${stamp}`);
  mkdirSync(backup, { recursive: true });
  for (const file of stubFiles(root, kata.id)) {
    cpSync(kataPath(root, kata.id, file), join(backup, file));
  }
  // Read every object before touching the kata, so a missing one changes nothing.
  const texts = pristine.map(([key, id]) => [key, pristineText(id)] as const);
  for (const file of stubFiles(root, kata.id)) rmSync(kataPath(root, kata.id, file));
  const restored: string[] = [];
  for (const [key, text] of texts) {
    const target = kataPath(root, key);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    restored.push(relative(root, target));
  }
  if (!existsSync(kataPath(root, kata.id))) mkdirSync(kataPath(root, kata.id));
  return { backup: relative(root, backup), restored };
}
