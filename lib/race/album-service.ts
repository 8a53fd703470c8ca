// `npm run serve -- --race`: the album service under the detector. Each request runs in a task
// of its own, the store's fields (an array, a Map, a counter) are tracked, reports go to stderr
// as they are found, and at exit `Found N data race(s)` and status 66.

import type { RequestListener } from 'node:http';
import { reportUntilExit } from './at-exit.ts';
import { taskPerRequest } from './http.ts';
import { type RaceDetectorCore, RaceRuntime } from './runtime.ts';
import { trackInstance } from './tracked-proxy.ts';

export interface RacingService {
  /** The store with its fields tracked: give this one to the app. */
  track<T extends object>(store: T): T;
  /** The app's handler, each request in a task of its own. */
  serve(app: RequestListener): RequestListener;
}

export function underRaceDetector(detector: RaceDetectorCore): RacingService {
  const race = new RaceRuntime(detector);
  reportUntilExit(race);
  return {
    track: (store) => trackInstance(race, store, 'store'),
    serve: (app) => taskPerRequest(race, app),
  };
}
