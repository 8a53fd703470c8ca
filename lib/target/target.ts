// The kata/reference switch. Specs import `@target/<kata>/<module>`; this module decides
// which file that is. Vitest's resolver, worker threads, `npm run serve` and `npm run load`
// all ask here, so the switch reaches every thread and every tool.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TARGET_PREFIX = '@target/';
export const targets = ['katas', 'solutions'] as const;
export type Target = (typeof targets)[number];

export interface TargetSelection {
  target: Target;
  /** `<kata>/<module>` → absolute path of a file that replaces that module. */
  substitutes: Record<string, string>;
}

export function parseTarget(value: string | undefined): Target {
  if (value === undefined || value === '') return 'katas';
  if ((targets as readonly string[]).includes(value)) return value as Target;
  throw new Error(`KATA_TARGET must be one of ${targets.join(', ')}; got "${value}"`);
}

/** `KATA_SUBSTITUTE="01-lost-updates/increment=tests/01-lost-updates/wrong/increment.x.ts"`, `;`-separated. */
export function parseSubstitutes(value: string | undefined): Record<string, string> {
  const substitutes: Record<string, string> = {};
  for (const entry of (value ?? '').split(';').filter(Boolean)) {
    const [moduleId, file] = entry.split('=');
    if (!moduleId || !file) {
      throw new Error(
        `KATA_SUBSTITUTE entry must look like "<kata>/<module>=<file>"; got "${entry}"`,
      );
    }
    substitutes[moduleId] = isAbsolute(file) ? file : join(repoRoot, file);
  }
  return substitutes;
}

export function selectionFromEnv(env: NodeJS.ProcessEnv = process.env): TargetSelection {
  return {
    target: parseTarget(env.KATA_TARGET),
    substitutes: parseSubstitutes(env.KATA_SUBSTITUTE),
  };
}

/**
 * The selection of a tool (`serve`, `load`): the reference unless the learner asks for their
 * code with `--kata`. KATA_SUBSTITUTE is honoured; KATA_TARGET is not (it is the specs' switch).
 */
export function toolSelection(
  kata: boolean,
  env: NodeJS.ProcessEnv = process.env,
): TargetSelection {
  return {
    target: kata ? 'katas' : 'solutions',
    substitutes: parseSubstitutes(env.KATA_SUBSTITUTE),
  };
}

export function selectionToEnv(selection: TargetSelection): Record<string, string> {
  return {
    KATA_TARGET: selection.target,
    KATA_SUBSTITUTE: Object.entries(selection.substitutes)
      .map(([moduleId, file]) => `${moduleId}=${file}`)
      .join(';'),
  };
}

/** Absolute path of `<kata>/<module>` under the selection, e.g. `01-lost-updates/add-many`. */
export function resolveTargetModule(
  moduleId: string,
  selection: TargetSelection = selectionFromEnv(),
): string {
  const id = moduleId.startsWith(TARGET_PREFIX) ? moduleId.slice(TARGET_PREFIX.length) : moduleId;
  const substitute = selection.substitutes[id];
  if (substitute) return substitute;
  const file = join(repoRoot, selection.target, `${id}.ts`);
  if (!existsSync(file)) {
    throw new Error(
      `${selection.target}/${id}.ts does not exist (imported as ${TARGET_PREFIX}${id})`,
    );
  }
  return file;
}

/** The target that holds the learner's code: the default of `KATA_TARGET`. */
export const LEARNER_TARGET: Target = 'katas';

/** A path in the learner's tree (stubs, the manifest) under a repository root. */
export const kataPath = (root: string, ...parts: string[]) => join(root, LEARNER_TARGET, ...parts);
