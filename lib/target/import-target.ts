import { pathToFileURL } from 'node:url';
import { resolveTargetModule, selectionFromEnv, type TargetSelection } from './target.ts';

/**
 * Imports `<kata>/<module>` under the selection: the specs' one (from the environment) by
 * default; tools and their worker threads pass theirs.
 */
export function importTarget<T>(
  moduleId: string,
  selection: TargetSelection = selectionFromEnv(),
): Promise<T> {
  return import(pathToFileURL(resolveTargetModule(moduleId, selection)).href) as Promise<T>;
}
