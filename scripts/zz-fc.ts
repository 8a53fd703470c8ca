import fc from 'fast-check';
import { RaceRuntime } from '../lib/race/runtime.ts';
import { trackObject } from '../lib/race/tracked-proxy.ts';
import { RaceDetector } from '../solutions/08-race-detector/detector.ts';

let steps = 0;
const t0 = performance.now();
await fc.assert(
  fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 4 }), async (s, tasks) => {
    const race = process.argv[2] === 'none' ? undefined : new RaceRuntime(new RaceDetector());
    const pause = (label: string) => {
      steps++;
      return s.schedule(Promise.resolve(), label).then(() => undefined);
    };
    const counter = race ? trackObject(race, { n: 0 }, 'counter') : { n: 0 };
    const go = (fn: () => Promise<void>) => (race ? race.go(fn) : fn());
    await s.waitFor(
      Promise.all(
        Array.from({ length: tasks }, () =>
          go(async () => {
            for (let i = 0; i < 3; i++) {
              counter.n = counter.n + 1;
              await pause('p');
            }
          }),
        ),
      ),
    );
  }),
  { seed: 1, numRuns: 100 },
);
console.log(process.argv[2], (performance.now() - t0).toFixed(0), 'ms', steps, 'steps');
