// Seeded latency samples for the histogram specs and benches.
import { HIGHEST_TRACKABLE_VALUE } from '@target/10-load-tester/histogram';
import { seededRandom } from '../../lib/random.ts';

/**
 * Pareto (α = 1.5, from 1 ms) response times in whole microseconds: most near a millisecond,
 * a tail reaching seconds, as real latencies have.
 */
export function heavyTailedMicros(n: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = Math.round(1000 / (1 - random()) ** (1 / 1.5));
    samples[i] = Math.min(value, HIGHEST_TRACKABLE_VALUE);
  }
  return samples;
}

/** The nearest-rank percentile of sorted values, p given in hundredths of a percent (9990 = 99.9 %). */
export function exactPercentile(sorted: ArrayLike<number>, hundredths: number): number {
  const rank = Math.max(1, Math.ceil((hundredths * sorted.length) / 10_000));
  return sorted[rank - 1]!;
}

/** Deterministic shuffle, so the specs do not record values already in order. */
export function shuffled(values: number[], seed: number): number[] {
  const random = seededRandom(seed);
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
