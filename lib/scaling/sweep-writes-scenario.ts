// The scaling lab's user with `--writes`: the reads of sweep-scenario.ts plus one POST in
// five. The store grows during the sweep, so later steps serve a bigger store.
import { defineScenario, task } from '../load/scenario.ts';
import { constant } from '../load/wait.ts';
import { readTasks } from './sweep-scenario.ts';

export default defineScenario({
  name: 'sweep-writes',
  wait: constant(0),
  state: () => ({}),
  tasks: [
    ...readTasks,
    task(1, 'create an album', async (user) => {
      await user.client.post('/albums', {
        json: { title: `Take ${Math.floor(user.random() * 1e4)}`, artist: 'Lab', price: 9.99 },
      });
    }),
  ],
});
