// What one `record` costs (target ≤ 50 ns) against hdr-histogram-js, and what 10^7 samples
// cost in memory: a histogram's counters are fixed, an array of samples is not.
import * as hdr from 'hdr-histogram-js';
import { bench, describe } from 'vitest';
import { Histogram as LearnerHistogram } from '../../katas/10-load-tester/histogram.ts';
import {
  HIGHEST_TRACKABLE_VALUE,
  Histogram as ReferenceHistogram,
} from '../../solutions/10-load-tester/histogram.ts';
import { heavyTailedMicros } from './samples.ts';

const BATCH = 100_000;
const samples = heavyTailedMicros(BATCH, 7);

interface Recorder {
  record(value: number): void;
  reset(): void;
}

const hdrBuild = (bitBucketSize: 32 | 'packed') =>
  hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_TRACKABLE_VALUE,
    numberOfSignificantValueDigits: 3,
    bitBucketSize,
  });

const recorders: Record<string, () => Recorder> = {
  'your Histogram': () => new LearnerHistogram(),
  'reference Histogram': () => new ReferenceHistogram(),
  'hdr-histogram-js (Int32)': () => {
    const h = hdrBuild(32);
    return { record: (v) => h.recordValue(v), reset: () => h.reset() };
  },
  'hdr-histogram-js (packed)': () => {
    const h = hdrBuild('packed');
    return { record: (v) => h.recordValue(v), reset: () => h.reset() };
  },
};

describe(`record: ${BATCH.toLocaleString('en-US')} heavy-tailed values per iteration (ns per record = mean / 10^5)`, () => {
  for (const [name, create] of Object.entries(recorders)) {
    const recorder = create();
    bench(
      name,
      () => {
        recorder.reset();
        for (let i = 0; i < BATCH; i++) recorder.record(samples[i]!);
      },
      { time: 500 },
    );
  }
});

/** Heap still held by what `fill` returns (V8 heap + array buffers), in bytes. */
function retainedBytes(fill: () => unknown): number {
  const used = () => {
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    return heapUsed + arrayBuffers;
  };
  globalThis.gc?.();
  const before = used();
  const kept = fill();
  globalThis.gc?.();
  const after = used();
  if (kept === undefined) throw new Error('nothing kept');
  return after - before;
}

const TEN_MILLION = 10_000_000;
const filled = (create: () => Recorder) => () => {
  const recorder = create();
  for (let i = 0; i < TEN_MILLION; i++) recorder.record(samples[i % BATCH]!);
  return recorder;
};
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
console.log(
  `memory for 10^7 samples${globalThis.gc ? '' : ' (no --expose-gc: rough figures)'}: ` +
    `reference Histogram ${mb(retainedBytes(filled(recorders['reference Histogram']!)))}, ` +
    `hdr-histogram-js ${mb(retainedBytes(filled(recorders['hdr-histogram-js (Int32)']!)))}, ` +
    `your Histogram ${mb(retainedBytes(filled(recorders['your Histogram']!)))}`,
);
