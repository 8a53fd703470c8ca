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
    id: '02-map-writes',
    title: 'Concurrent map writes',
    experiment: 'B: concurrent map writes',
    files: ['checked-map.ts'],
    phenomenon: /concurrent map writes went undetected/,
    hints: [
      'Nothing stops two threads from writing the map at once, so make each write announce ' +
        'itself where every thread can see it: the word `map.words[HEADER.writing]`. What should ' +
        'a write conclude if it finds that word already raised, or lowered under it?',
      'Go checks twice. Before the write: if the flag is up, someone else is writing, so throw; ' +
        'otherwise raise it. After the write: if the flag is down, a writer that started together ' +
        'with you has finished, so throw; otherwise lower it. Read and write the word with ' +
        '`Atomics.load` and `Atomics.store`.',
      'In a `write(body)` helper: `if (Atomics.load(words, HEADER.writing) !== 0) throw new ' +
        'ConcurrentMapWritesError()`; `Atomics.store(words, HEADER.writing, 1)`; run `body`; ' +
        '`if (Atomics.load(words, HEADER.writing) !== 1) throw …`; `Atomics.store(words, ' +
        'HEADER.writing, 0)`. Route `set` and `delete` through it.',
    ],
    questions: [
      'Which race slips past both checks? Why does Go accept a detector that misses it?',
      'Why is a flag that is checked only before the write much weaker than one checked before ' +
        'and after?',
      'The detector turns corruption into a crash. Why is a crash better than a map that is ' +
        'silently wrong?',
      'Why can 50 async tasks share one JavaScript `Map` without any lock, when four threads ' +
        'cannot share this one?',
      'The writers use disjoint keys, yet they corrupt each other. Which parts of the map do they ' +
        'share?',
    ],
  },
  {
    id: '03-mutex',
    title: 'Mutex',
    experiment: 'C: map + Mutex',
    files: ['shared-mutex.ts', 'async-mutex.ts'],
    phenomenon: /inside the lock at once|lost [\d,]+ of [\d,]+ updates/,
    hints: [
      'A lock is one word that says "taken". Taking it must be a single indivisible step, and a ' +
        'thread that finds it taken must sleep where the releaser will look. On the event loop ' +
        'a sleeper is a promise that nobody has resolved yet.',
      'SharedMutex: take the word with `Atomics.compareExchange(word, 0, 0, 1)`; when that fails, ' +
        'sleep with `Atomics.wait` and try again after every wake. Mark the word 2 when someone may ' +
        'sleep, so that `unlock` calls `Atomics.notify` only then. AsyncMutex: a `locked` flag and a ' +
        'FIFO queue of resolvers; `unlock` hands the lock straight to the oldest waiter.',
      'lock: `let c = cas(0, 1); if (c === 0) return; if (c !== 2) c = Atomics.exchange(word, 0, ' +
        '2); while (c !== 0) { Atomics.wait(word, 0, 2); c = Atomics.exchange(word, 0, 2); }`. ' +
        'unlock: `const was = Atomics.exchange(word, 0, 0)`; throw `unlock of unlocked mutex` if it ' +
        'was 0; notify one if it was 2. AsyncMutex: each grant gets a fresh release closure with a ' +
        '`released` flag; `unlock` shifts the next waiter and resolves it, or clears `locked`; an ' +
        'abort listener splices its waiter out and rejects with `signal.reason`.',
    ],
    questions: [
      'Experiment C took about 16.3 ms for 50,000 inserts under a Mutex. How much of that is the ' +
        'lock? Compare with the uncontended figures of `npx vitest bench 03`.',
      'Why must `lock()` look at the word again after every wake-up?',
      'Why can an uncontended `unlock` skip `Atomics.notify`? What goes wrong when a two-state ' +
        'lock skips it too?',
      'Why must unlocking an unlocked lock be an error rather than a harmless no-op?',
      'The async mutex runs on one thread, where no data race is possible. What does it protect?',
      'Why FIFO with direct hand-off? What does a task that unlocks and locks again at once do ' +
        'to the waiters otherwise?',
    ],
  },
  {
    id: '04-rwmutex',
    title: 'RWMutex',
    experiment: 'D: map + RWMutex',
    files: ['shared-rwmutex.ts', 'async-rwmutex.ts'],
    phenomenon: /readers never overlapped/,
    hints: [
      'Readers need a count, a writer needs to be alone, and a waiting writer must be visible to ' +
        'every reader that arrives after it. Go keeps all three in one number, `readerCount`, ' +
        'which a writer drives negative.',
      'A writer first takes a plain mutex (your kata 03 `SharedMutex`, in the first word). Then ' +
        'it subtracts a large constant (1 << 30) from `readerCount`: readers arriving now see a ' +
        'negative count and sleep on a semaphore word. The readers already inside are added to ' +
        '`readerWait`, and the last of them to leave wakes the writer on a second semaphore word. ' +
        'The async lock is the same with two queues and no atomics.',
      'rlock: `if (add(readerCount, 1) + 1 < 0) acquire(readerSem)`. runlock: `r = sub(readerCount, ' +
        '1) - 1`; if `r < 0`: throw when `r + 1` is 0 or -MAX; `if (sub(readerWait, 1) - 1 === 0) ' +
        'release(writerSem)`. lock: `mutex.lock(); r = sub(readerCount, MAX); if (r !== 0 && ' +
        'add(readerWait, r) + r !== 0) acquire(writerSem)`. unlock: `r = add(readerCount, MAX) + ' +
        'MAX`; throw if `r >= MAX`; release `r` permits of readerSem; `mutex.unlock()`. A semaphore ' +
        'word: acquire = CAS a positive count down, else `Atomics.wait` while it is 0; release = ' +
        '`Atomics.add` then `Atomics.notify`.',
    ],
    questions: [
      'Experiment D measured about 15.8 ms with an RWMutex against 16.3 ms with a Mutex. Why ' +
        'was it no better on that load?',
      'When does an RWMutex win? How large a share of reads does it need, and how long must a ' +
        'read hold the lock? Check with the 90 % and 99 % read mixes of `npx vitest bench 05`.',
      'What is writer starvation? Which spec does a reader-preferring lock fail, and why only ' +
        'while readers overlap?',
      'Why must unlocking or read-unlocking an unlocked RWMutex be an error?',
      'When a writer unlocks, Go admits every reader that queued meanwhile before the next ' +
        'writer. What would starve without that rule?',
    ],
  },
  {
    id: '05-concurrent-map',
    title: 'A concurrent map',
    experiment: 'E: sync.Map vs one lock; lock striping',
    files: ['striped-map.ts'],
    phenomenon: /one lock serializes the whole map/,
    hints: [
      'Two writers wait for each other only if they need the same lock. Give every stripe its ' +
        'own `SharedHashMap` and lock (`openStripes(buffer)` hands them to you), and pick the ' +
        'stripe from the key alone, the same way in every method and every thread.',
      '`stripeOf`: hash the key and take the TOP bits, `Math.imul(key, 0x9e3779b1) >>> (32 - ' +
        "log2(stripes))`; each stripe's table already uses the low bits of that hash for its slots. " +
        "`get` takes its stripe's read lock, `set` and `delete` the write lock. `size` and " +
        '`entries` must hold every stripe at once.',
      '`size`: `rlock()` stripes 0, 1, …, N−1 in that order, add up `map.size`, then ' +
        '`runlock()` them all, in a `try`/`finally`. The fixed order means two such readers can ' +
        'never wait for each other in a cycle, and writers only ever hold one stripe.',
    ],
    questions: [
      'Why did the RWMutex not beat the Mutex on 50,000 inserts? At what share of reads does it ' +
        'start to win in your bench, and why does it lose at 90 %?',
      "Why must `size` hold every stripe's lock at the same time, rather than each one in turn?",
      'Why must all stripes be locked in the same order? What could happen otherwise?',
      'Why take the stripe from the top bits of the hash and not the low bits?',
      'When is `sync.Map` a better choice than a striped map, and when is it worse?',
      'One thread on the event loop: why does a plain `Map` need no lock at all?',
    ],
  },
  {
    id: '06-buffered-writer',
    title: 'Buffered writer',
    experiment: 'F: file writes, unbuffered vs buffered; system calls counted',
    files: ['buffered-writer.ts', 'async-buffered-writer.ts'],
    phenomenon: /[\d,]+ (write system|sink) calls for [\d.]+ MB/,
    hints: [
      'The bytes are the same either way; what costs is the number of times you ask the ' +
        'kernel. Keep the bytes in one `Uint8Array` of `size` bytes and call the sink only ' +
        'when it is full, or when someone asks (`flush`, `close`). On the event loop, ask ' +
        'yourself who may touch the file offset, and when.',
      'BufferedWriter: a buffer and a count `n`. `write` copies into `buf[n…]`; when the chunk ' +
        'does not fit, fill the buffer to the brim, flush, go on. Strings: ' +
        '`encoder.encodeInto(rest, buf.subarray(n))` writes whole characters only, and its ' +
        '`read` tells you where to go on. One loop hands bytes to the sink: continue partial ' +
        'writes, treat 0 as "short write", retry EAGAIN after `Atomics.wait` on a private word, ' +
        'and keep the first error for good. AsyncBufferedWriter: two buffers, one write in ' +
        'flight, a FIFO queue for writes that must wait.',
      'The sink loop: `while (done < length) { try { wrote = sink.write(buf, off + done, length - ' +
        "done) } catch (e) { if (e.code === 'EAGAIN' && retries < 10 && slept < 50) { " +
        'Atomics.wait(word, 0, 0, delay); continue } this.err = e; return done } if (wrote <= 0) ' +
        '{ this.err = new ShortWriteError(…); return done } done += wrote }`. `flush` keeps the ' +
        'unwritten bytes with `copyWithin`. Async: `handOver()` awaits the write in flight, ' +
        'swaps `fill` and `spare`, and starts `writeOut(full)`, which alone advances ' +
        '`position` after each completed write.',
    ],
    questions: [
      'Why does a buffer help although the same bytes reach the file? What does one write ' +
        'system call cost here (`npx vitest bench 06`), and what was it in experiment F?',
      'When must you flush? What does a process that exits without flushing lose, and why ' +
        'must `close` not close the descriptor?',
      'What does a sticky error protect? What goes wrong if the next flush simply tries again?',
      'Why did the async tasks lose lines when none of them ran at the same time as another? ' +
        'Which line of the stub is the read, and which the write, of a lost update?',
      'Why must a character that does not fit go whole into the next buffer, when the file ' +
        'ends up the same?',
      'EAGAIN means "not now". Why retry it only a few times, with a sleep, and then give up?',
    ],
  },
  {
    id: '07-channels',
    title: 'Channels',
    experiment: 'G: context switching; a token over an unbuffered channel',
    files: ['channel.ts'],
    phenomenon: /send completed with no receiver: [\d,]+ values? buffered/,
    hints: [
      'A channel is two queues and a buffer: receivers waiting for a value, senders waiting ' +
        'for a receiver (or for room). A waiter on the event loop is a promise nobody has ' +
        'resolved yet, kept with its resolve and reject. An unbuffered send has nowhere to put ' +
        "its value but into a receiver's hands.",
      'send: closed → reject; a receiver waits → shift it and resolve it with `{ value, ok: true }`; ' +
        'room in the buffer → push; else park `{ value, resolve, reject }` in `senders`. recv: a ' +
        "buffered value → take it, then move the oldest waiting sender's value into the freed " +
        'slot and resolve that sender; else a waiting sender → take its value directly; closed → ' +
        '`{ value: undefined, ok: false }`; else park. close wakes every parked receiver and ' +
        'rejects every parked sender. select: count the ready cases, pick one with ' +
        '`Math.floor(random() * ready)`; else park one waiter per case, and the first to be ' +
        'taken removes the others.',
      'Abort: the listener removes the waiter from its queue and rejects only if it was still ' +
        'there (`indexOf` ≥ 0): a partner that already shifted it has completed the hand-off, so ' +
        'the value stands. Remove the listener when a partner settles the waiter. YIELD_EVERY: ' +
        'one counter for all channels; when it runs out, create one `new Promise((r) => ' +
        'setImmediate(r))`, and make every operation wait for it (`turn.then(() => ' +
        'this.send(value, options))`) until it fires and resets the counter.',
    ],
    questions: [
      'Experiment G measured 22.9 ms with GOMAXPROCS(1) and 23 µs with many threads. Why can ' +
        'they not be the same amount of work? What does each figure measure?',
      'Why is an unbuffered channel a synchronization point? What does the sender know once ' +
        '`send` has resolved that a buffered send cannot tell it?',
      'Why is ping-pong between two threads slower than between two async tasks on one thread? ' +
        'Where does the time go in each (compare `npx vitest bench 07`)?',
      'When does spinning before sleeping pay? What does a spin cost on a machine with fewer ' +
        'free cores than spinning threads?',
      'A producer and a consumer that never wait: why do timers never fire, and why does Go ' +
        'not have this problem?',
      'Why must an abort that comes after the hand-off leave the value with the receiver?',
      'Why does select choose at random among ready cases instead of taking the first?',
    ],
  },
  {
    id: '08-race-detector',
    title: 'A race detector',
    experiment: 'A: `go run -race`',
    files: ['detector.ts', 'vector-clock.ts'],
    phenomenon: /0 races reported for a counter that lost [\d,]+ of [\d,]+ updates/,
    hints: [
      'A lost update needs three things: a task reads, then awaits, then writes what it ' +
        'computed from the read; and another task writes the same location in a way that ' +
        'nothing orders before that read or after that write. Keep, per task and location, the ' +
        'read a later write may depend on; give every task a clock that only synchronization ' +
        'advances and merges.',
      'Vector clocks: a task’s clock maps tasks to epochs. `fork` copies the parent’s clock into ' +
        'the child and ticks both; `join` merges the child’s clock into the parent’s; `release` ' +
        'merges the task’s clock into the lock’s and ticks the task; `acquire` merges the ' +
        'lock’s into the task’s. An access a by task t happened before point p iff ' +
        '`a.clock.of(t) <= p.clock.of(t)` (FastTrack). Per location keep each task’s last ' +
        'write, its first read since that write, and its last split update (a read and a write ' +
        'in a later turn).',
      '`write(t, turn, L)`: let r be t’s pending read of L. If `r.turn < turn`, for each other ' +
        'task’s last write w: skip if w → r, skip if r → w → this write, else report (this ' +
        'write, w); remember {r, this write} as t’s split update. Then, for each other task’s ' +
        'split update {r′, w′}: skip if w′ → this write, else report (this write, r′ → this ' +
        'write ? w′ : r′). Finally drop t’s pending read and record this write as t’s last. ' +
        'Report each (current site, previous site, kinds) once.',
    ],
    questions: [
      'Go printed two reports for experiment A: a read/write race and a write/write race. ' +
        'Which two accesses does each one name, and why are both needed to lose an update?',
      'Your detector reports the race from a run in which no update was lost. How? Why can a ' +
        'check that compares values before and after never do that?',
      'Why do a read and a write in the same synchronous turn never race in JavaScript, when ' +
        'they can in Go?',
      'A lock orders two critical sections; a channel orders a send and its receive. What does ' +
        'your detector miss if a program synchronizes through something that is not wrapped ' +
        '(a plain promise a task resolves)? Would it report too much or too little?',
      'What can this detector not see at all? (Think of kata 01’s worker threads on a ' +
        'SharedArrayBuffer.)',
      'Go’s detector costs 2–20× time and 5–10× memory. Where does yours spend its time on ' +
        'kata 01’s counter, and what would make it cheaper?',
    ],
  },
  {
    id: '09-album-service',
    title: 'The racy album service',
    experiment: 'Part III service: the album API load-tested with Locust',
    files: ['memory-store.ts', 'app.ts', 'sql-store.ts'],
    phenomenon: /[\d,]+ of [\d,]+ concurrent (creates|POSTs)[\w ]* got a duplicate id/,
    hints: [
      'One thread, and still a race: between reading the array length and pushing the album ' +
        'there is an `await`, and every request in flight reads the same length. Then ask what ' +
        '`find()` costs with 100,000 albums, what `GET /albums` sends, and what `POST` accepts.',
      'Take the id synchronously, before the first `await`, from a counter that only goes up; ' +
        'keep the albums in a `Map` by id. In the app, validate field by field and build a fresh ' +
        'object; answer every error as JSON (a `StoreUnavailableError` is 503 with Retry-After); ' +
        'serve pages (`limit`, `offset`, `after`) with the total and a next link that uses ' +
        '`after`, and fetch one album more than the page to know whether one follows. Keep the ' +
        'store sorted by id so `after` is a binary search. In SQL, let the database choose the id ' +
        'in the same statement as the insert.',
      'Store: `const album = { id: this.nextId++, title, artist, price }; await this.persist(album); ' +
        'this.byId.set(album.id, album)`. App: `express.json({ limit: "100kb" })` behind a ' +
        'Content-Type check (415), an error handler that maps body-parser errors (400, 413) to ' +
        "`{ error }`, `X-Total-Count` and `res.links({ next: '/albums?after=<last id>&limit=…' })`; " +
        "`app.route('/albums').get(…).post(…).options(…).all(…405 with Allow…)`; lengths as " +
        '`[...s].length`, `s.isWellFormed()`, no `\\0`, `Math.round(p * 100) / 100 === p`, ' +
        'integers checked as `BigInt` against the range the message states. SQL: `id integer GENERATED BY ' +
        'DEFAULT AS IDENTITY` and `INSERT INTO albums (title, artist, price) VALUES ($1, $2, $3) ' +
        'RETURNING …`.',
    ],
    questions: [
      'The event loop runs one callback at a time. Why does the service still hand out the same ' +
        'id twice? Where exactly is the gap?',
      'Why did `GET /albums` get slower and slower during the load test while `GET /albums/:id` ' +
        'did not? What does a bounded page change?',
      'What does the database give you that a mutex in the server does not? (Think of a second ' +
        'server process.)',
      'A lock that a failing request never releases: what do the requests after it see, and ' +
        'how does `try … finally` (or allocating the id without a lock) avoid it?',
      'Why validate in the app when the database has constraints too? Which errors belong to ' +
        'the client (4xx) and which to you (5xx)? And a database that is away: why 503 and not 500?',
      'Why does `?offset=99900` cost the SQL stores ten times the first page, and `?after=99900` ' +
        'not? What does a client lose with `after` that it had with `offset`?',
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
        'Rank: `Math.max(1, Math.ceil(x))` of x = p / 100 · n stepped one ulp down (write x into a ' +
        '`Float64Array`, subtract 1n from a `BigInt64Array` on the same buffer): a decimal p lands ' +
        'x one ulp above the rank it means. Current RPS, with s = floor(clock() / 1000): the requests counted in seconds s − 10 … s − 1, ' +
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
  {
    id: '11-scaling',
    title: "Scaling: Amdahl's law and the USL",
    experiment: 'Part III Amdahl: 112 → 120 RPS with 1 → 3 workers, fitted',
    files: ['usl.ts', 'amdahl.ts'],
    phenomenon:
      /the fit ignores coherency \(κ\)|stopped before the optimum|a fit through two points ignores the rest/,
    hints: [
      'Two points fix any two-parameter curve, so they cannot tell you which curve is right. ' +
        'Use every point, and let the fit, not the first and last measurement, decide λ, σ and ' +
        'κ: the one that makes the squared error of X(N) smallest.',
      "Start from Gunther's linearisation: take λ from the lowest N, then λN/X − 1 = σ(N − 1) + " +
        'κN(N − 1) is linear in σ and κ (two-column least squares through the origin). Then ' +
        'improve all three with Levenberg–Marquardt: Gauss–Newton steps on the residuals ' +
        'x − X(N), damped by μ, accepted only when the squared error falls. Keep σ, κ ≥ 0.',
      'Derivatives of X = λN/D, D = 1 + σ(N − 1) + κN(N − 1): ∂X/∂λ = N/D, ∂X/∂σ = −X(N − 1)/D, ' +
        '∂X/∂κ = −XN(N − 1)/D. Each step solves (JᵀJ + μ·diag(JᵀJ))δ = Jᵀr; on success divide μ ' +
        'by 10, on failure multiply by 10 and retry; stop when no step lowers the error. Hold a ' +
        'parameter at 0 when its gradient points below 0. Amdahl is the same fit with κ = 0 and ' +
        'p = 1 − σ. peakN = √((1 − σ)/κ).',
    ],
    questions: [
      'The course measured 112 RPS with one Locust worker and 120 with three. What p does ' +
        'Amdahl give, and what ceiling? Why can two points never tell contention from coherency?',
      'Why does the USL need at least four distinct N? What does a fit with as many parameters ' +
        'as points tell you about the system?',
      'In the lab, how did you know the load generator, not the album service, was not the ' +
        'bottleneck? What did its CPU column say at the highest N?',
      'What are σ and κ in this service? Name the serial part (one event loop, JSON ' +
        'serialisation, the shared store) and anything that costs more per user as users grow.',
      'What would raise the peak: more worker threads for the generator, a second server ' +
        'process, or a cheaper GET /albums? Which parameter would each one change?',
      "Check Little's law on your sweep: is N ≈ X·R at every step? Where does it break, and why?",
    ],
  },
];

export function findKata(query: string): Kata | undefined {
  return katas.find((kata) => kata.id === query || kata.id.startsWith(`${query}-`));
}
