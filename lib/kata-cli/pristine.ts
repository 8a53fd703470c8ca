// The pristine stubs, for `reset`. `npm run docs` stores each stub file in the repository's
// git objects (`git hash-object -w`) and records the object ids in katas/pristine.json. Git
// objects never change, so `reset` restores the stub as the repository shipped it, whatever
// the learner has committed since.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { kataPath, repoRoot } from '../target/target.ts';

/** `<kata>/<file>` → git object id. */
export type Pristine = Record<string, string>;

export const pristineFile = (root: string) => kataPath(root, 'pristine.json');

/** Every stub file of the kata: what `reset` restores (the README is not the learner's). */
export function stubFiles(root: string, id: string): string[] {
  const dir = kataPath(root, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file !== 'README.md' && statSync(join(dir, file)).isFile())
    .sort();
}

/** Records (and with `write`, stores) the stub files of the katas as git objects. */
export function pristineOf(root: string, ids: readonly string[], write: boolean): Pristine {
  const pristine: Pristine = {};
  for (const id of ids) {
    for (const file of stubFiles(root, id)) {
      pristine[`${id}/${file}`] = execFileSync(
        'git',
        ['hash-object', ...(write ? ['-w'] : []), kataPath(root, id, file)],
        { cwd: repoRoot, encoding: 'utf8' },
      ).trim();
    }
  }
  return pristine;
}

export function readPristine(root: string): Pristine {
  return existsSync(pristineFile(root))
    ? (JSON.parse(readFileSync(pristineFile(root), 'utf8')) as Pristine)
    : {};
}

export function pristineText(objectId: string): Buffer {
  return execFileSync('git', ['cat-file', 'blob', objectId], { cwd: repoRoot });
}
