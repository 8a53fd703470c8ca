// The repository the CLI works on. Normally this one; the CLI's specs point KATA_ROOT at a
// fixture repository (tests/kata-cli/fixtures/) with katas that are solved, red, broken or
// hanging.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kata, katas } from '../target/manifest.ts';
import { kataPath, repoRoot } from '../target/target.ts';

export const kataRoot = (): string => process.env.KATA_ROOT ?? repoRoot;

export const stateDir = (root: string): string => join(root, '.verify');

/**
 * The manifest of the root: the katas, in order. This repository's is compiled in (the CLI's
 * fast path runs without a TypeScript loader, scripts/kata.mjs); another root's manifest
 * (fixtures) needs tsx, registered here if the launcher did not.
 */
export async function loadKatas(root = kataRoot()): Promise<Kata[]> {
  if (root === repoRoot) return katas;
  const url = pathToFileURL(kataPath(root, 'manifest.ts')).href;
  const load = (href: string) => import(href) as Promise<{ katas: Kata[] }>;
  try {
    return (await load(url)).katas;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    // No loader yet: register tsx, and ask under a new URL (node keeps the failed import).
    (await import('tsx/esm/api')).register();
    return (await load(`${url}?tsx`)).katas;
  }
}
