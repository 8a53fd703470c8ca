// Node 20 cannot strip types, and `--import tsx` does not reach a worker's `.ts` entry.
// Registering tsx here, then importing the entry, does.
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// During mutation testing, the worker runs the test thread's mutant (see mutant-switch.ts).
const { adoptMutantSwitch } = await import('./mutant-switch.ts');
adoptMutantSwitch(workerData.mutant);
await import(pathToFileURL(workerData.entry).href);
