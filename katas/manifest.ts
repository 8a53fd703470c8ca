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
  {
    id: '10-load-tester',
    title: 'Load tester: honest percentiles',
    experiment: 'Part III Locust: histogram, stats, merged workers, current RPS',
    files: ['histogram.ts', 'stats.ts'],
    phenomenon: /off by one rank|p95 of merged workers is [\d.]+ ms|current RPS is [\d.]+/,
    hints: [
      'Three numbers are wrong for three reasons. A rank starts at 1 and an index at 0. A ' +
        'percentile of a union is not a function of the parts\' percentiles. And "current" ' +
        'means recent: the whole run is not recent.',
      'Count samples per bucket instead of keeping them. Give every value below 2048 its own ' +
        'bucket, then split each power of two into 1024 equal buckets. A percentile walks the ' +
        'counts up to rank ceil(p/100 · n). Merging adds counts. For current RPS, count requests ' +
        'per clock second and average the 10 complete seconds before the current one.',
      'Bucket of v: `b = 21 - Math.clz32(v | 2047)` and index `((b + 1) << 10) + (v >>> b) - 1024`. ' +
        'A bucket is `2 ** b` wide. Keep min, max and the sum exactly, beside the counts. Report ' +
        "the bucket's highest value clamped to [min, max]. Serialize only the non-empty counters. " +
        'Current RPS, with s = floor(clock() / 1000): the requests counted in seconds s − 10 … s − 1, ' +
        'divided by the seconds from max((s − 10)·1000, startedAt) to s·1000.',
    ],
    questions: [
      'Why does `GET /albums` get slower through the run while `GET /albums/:id` does not? What ' +
        'would you change in the service?',
      'The median of `GET /albums` was 190 ms and its p95 430 ms. Which one does a user who ' +
        'loads ten pages feel? Why do averages hide the tail?',
      'Two workers report p95 = 10 ms and p95 = 500 ms. What can you say about the p95 of all ' +
        'their requests without their histograms? What can you say with them?',
      'Why can one machine generate the load for 50 users? Where does a load generator spend ' +
        'its time, and when do its own numbers become suspect?',
      'A faster HTTP client raised RPS to 156, and then it fell back to about 118. Why only briefly?',
      'A closed-model generator measured a p99 of a few milliseconds on a server that stalled ' +
        'for a whole second. Where did the stall go?',
    ],
  },
];

export function findKata(query: string): Kata | undefined {
  return katas.find((kata) => kata.id === query || kata.id.startsWith(`${query}-`));
}
