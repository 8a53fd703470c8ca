// A fresh file in a private temporary folder, removed with the folder after the spec.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A path that does not exist yet, in a folder removed after the current spec. */
export function tempPath(name = 'out.txt'): string {
  const folder = mkdtempSync(join(tmpdir(), 'kata06-'));
  folders.push(folder);
  return join(folder, name);
}
