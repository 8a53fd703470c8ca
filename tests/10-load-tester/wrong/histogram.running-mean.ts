// Wrong: the mean is kept as a running average, mean += (value − mean) / count, to avoid a
// sum that "might overflow". Each step rounds, and the errors add up: the mean of 100,001
// samples is off in its last bits, while an exact sum of integers is good up to 2^53.
// Rejected by: histogram-lifecycle.test.ts
import { Histogram as Reference } from '../../../solutions/10-load-tester/histogram.ts';

export {
  HIGHEST_TRACKABLE_VALUE,
  type SerializedHistogram,
} from '../../../solutions/10-load-tester/histogram.ts';

export class Histogram extends Reference {
  private running = 0;

  override record(value: number): void {
    super.record(value);
    this.running += (Math.round(value) - this.running) / this.count;
  }

  override merge(other: Reference): this {
    const [mine, theirs] = [this.count, other.count];
    super.merge(other);
    if (this.count > 0) this.running = (this.running * mine + other.mean * theirs) / this.count;
    return this;
  }

  override reset(): void {
    super.reset();
    this.running = 0;
  }

  override get mean(): number {
    return this.running;
  }
}
