// The throughput scenario: GET / as fast as the users can, no wait, no parsing. What the
// max-RPS bench compares with autocannon.
import { defineScenario, task } from '../scenario.ts';
import { constant } from '../wait.ts';

export default defineScenario({
  name: 'hello',
  wait: constant(0),
  state: () => undefined,
  tasks: [
    task(1, 'GET /', async (user) => {
      await user.client.get('/');
    }),
  ],
});
