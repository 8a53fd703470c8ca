// The katas, in order. The kata CLI, the README's kata table and the verifier read this.
// Only katas that exist are listed; each lands complete.

export interface Kata {
  /** Folder name under katas/, solutions/ and tests/. */
  id: string;
  title: string;
  /** The experiment it reproduces (see DESIGN). */
  experiment: string;
  /** Files the learner edits, relative to katas/<id>/. */
  files: string[];
  /** The stub must fail at least one spec with a message that matches this. */
  phenomenon: RegExp;
  /** Three tiers: a nudge, the approach, nearly the answer. */
  hints: [string, string, string];
  questions: string[];
}

export const katas: Kata[] = [
  {
    id: '01-lost-updates',
    title: 'Lost updates',
    experiment: 'A: plain vs atomic counter',
    files: ['increment.ts', 'add-many.ts'],
    phenomenon: /lost [\d,]+ of [\d,]+ updates/,
    hints: [
      'Both bugs are one bug: a read, then a write computed from the read, with room in between ' +
        'for someone else to write. Find the room: an `await` in one world, another core in the other.',
      'Make the read-modify-write a single indivisible step. The store has one (`incr`), and so ' +
        'does the CPU (`Atomics.add`). When you only have a conditional write, retry until it is yours.',
      '`increment`: `await store.incr(key)`. `incrementWithRetry`: loop { read v; if ' +
        '`compareAndSet(key, v, v + 1)` returns true, stop }. `addMany`: `Atomics.add(counter, index, 1)` ' +
        'in the loop.',
    ],
    questions: [
      'Why does `x++` lose updates when two threads run it? Which three steps is it made of?',
      'Why is the atomic version slower, and why is it still far faster than a lock?',
      'The event loop runs one task at a time. Why does it still lose updates?',
      'How many round trips does `incrementWithRetry` make under contention, compared with `incr`?',
    ],
  },
];

export function findKata(query: string): Kata | undefined {
  return katas.find((kata) => kata.id === query || kata.id.startsWith(`${query}-`));
}
