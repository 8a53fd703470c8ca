// Wrong: sorted[Math.floor(n * p)] treats a rank as an index. It answers one sample too
// high whenever n · p is whole (p50 of 10 samples is the 6th), and reads past the end at p100.
// Rejected by: histogram-lifecycle.test.ts
import { Histogram as Reference } from '../../../solutions/10-load-tester/histogram.ts';

export {
  HIGHEST_TRACKABLE_VALUE,
  type SerializedHistogram,
} from '../../../solutions/10-load-tester/histogram.ts';

export class Histogram extends Reference {
  private readonly samples: number[] = [];

  override record(value: number): void {
    super.record(value);
    this.samples.push(value);
  }

  override valueAtPercentile(p: number): number {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length * (p / 100))]!;
  }
}
