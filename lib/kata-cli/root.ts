// The repository the CLI works on. Normally this one; the CLI's specs point KATA_ROOT at a
// fixture repository (tests/kata-cli/fixtures/) with katas that are solved, red, broken or
// hanging.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Kata } from '../target/manifest.ts';
import { kataPath, repoRoot } from '../target/target.ts';

export const kataRoot = (): string => process.env.KATA_ROOT ?? repoRoot;

export const stateDir = (root: string): string => join(root, '.verify');

/** The manifest of the root: the katas, in order. */
export async function loadKatas(root = kataRoot()): Promise<Kata[]> {
  const module = (await import(pathToFileURL(kataPath(root, 'manifest.ts')).href)) as {
    katas: Kata[];
  };
  return module.katas;
}
