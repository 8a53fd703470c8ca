// Node 20 cannot strip types, and `--import tsx` does not reach a worker's `.ts` entry.
// Registering tsx here, then importing the entry, does.
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(pathToFileURL(workerData.entry).href);
