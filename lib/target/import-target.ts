import { pathToFileURL } from 'node:url';
import { resolveTargetModule } from './target.ts';

/** Worker threads import the kata/reference module through the same switch as the specs. */
export function importTarget<T>(moduleId: string): Promise<T> {
  return import(pathToFileURL(resolveTargetModule(moduleId)).href) as Promise<T>;
}
