// The scaling lab's user: reads albums by id and by page from a fixed set, with no think
// time, so that throughput changes with N alone. POSTs would grow the store during the
// sweep, and then time, not N, would explain part of the curve.
import { defineScenario, task, type VirtualUser } from '../load/scenario.ts';
import { constant } from '../load/wait.ts';

/** The lab creates this many albums before the sweep; ids 1 … SWEEP_ALBUMS all exist. */
export const SWEEP_ALBUMS = 1000;
export const PAGE_SIZE = 20;

const pick = (user: VirtualUser, count: number) => 1 + Math.floor(user.random() * count);

export const readTasks = [
  task(3, 'get one album', async (user: VirtualUser) => {
    await user.client.get(`/albums/${pick(user, SWEEP_ALBUMS)}`, { name: '/albums/:id' });
  }),
  task(1, 'get a page', async (user: VirtualUser) => {
    const offset = (pick(user, SWEEP_ALBUMS / PAGE_SIZE) - 1) * PAGE_SIZE;
    await user.client.get(`/albums?limit=${PAGE_SIZE}&offset=${offset}`, {
      name: '/albums?limit&offset',
    });
  }),
];

export default defineScenario({
  name: 'sweep-reads',
  wait: constant(0),
  state: () => ({}),
  tasks: readTasks,
});
