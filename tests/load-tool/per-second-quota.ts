// autocannon's `overallRate`, written as a scenario of our tool's closed model, for the bench
// only. autocannon gives each connection a quota of requests per second (a counter that a 1 s
// `setInterval` resets): the connection sends back to back until the quota is used up, then
// waits for the next reset. So its "5,000 req/s" is 5,000 requests at the start of each second
// and then silence. This scenario does the same per user, so the bench can compare the two
// tools' CPU on the same pattern of arrivals, not only on the same mean rate.
import { setTimeout as sleep } from 'node:timers/promises';
import { defineScenario, task } from '../../lib/load/scenario.ts';
import { constant } from '../../lib/load/wait.ts';

const quota = Number(process.env.LOAD_QUOTA_PER_USER);
if (!(Number.isInteger(quota) && quota >= 1)) {
  throw new Error(
    `LOAD_QUOTA_PER_USER must be a whole number of requests per user per second (got ${process.env.LOAD_QUOTA_PER_USER})`,
  );
}

interface Window {
  /** When the user's current one-second window began (its own clock, as autocannon's timers). */
  start: number;
  sent: number;
}

export default defineScenario<Window>({
  name: `GET /, ${quota} per user per second, in a burst`,
  wait: constant(0),
  state: () => ({ start: performance.now(), sent: 0 }),
  tasks: [
    task(1, 'GET /', async (user) => {
      const window = user.state;
      const elapsed = performance.now() - window.start;
      if (elapsed >= 1000) {
        window.start += Math.floor(elapsed / 1000) * 1000;
        window.sent = 0;
      }
      if (window.sent >= quota) {
        await sleep(window.start + 1000 - performance.now());
        window.start += 1000;
        window.sent = 0;
      }
      window.sent++;
      await user.client.get('/');
    }),
  ],
});
