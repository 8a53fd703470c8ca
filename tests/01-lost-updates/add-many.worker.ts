import type * as AddManyModule from '@target/01-lost-updates/add-many';
import { importTarget } from '../../lib/target/import-target.ts';
import { defineWorkerTask } from '../../lib/workers/task.ts';
import { naiveAddMany } from './naive-add-many.ts';

export interface AddManyJob {
  counter: SharedArrayBuffer;
  times: number;
  implementation: 'target' | 'naive';
}

defineWorkerTask<AddManyJob>(async ({ counter, times, implementation }) => {
  const addMany =
    implementation === 'naive'
      ? naiveAddMany
      : (await importTarget<typeof AddManyModule>('01-lost-updates/add-many')).addMany;
  const view = new Int32Array(counter);
  return () => addMany(view, 0, times);
});
