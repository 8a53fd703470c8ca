// What the timing specs and benches share: a median, two measurements sampled alternately, and
// a line that says what machine the figures come from and how loaded it was.
import { cpus, loadavg } from 'node:os';

export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

/**
 * The medians of `samples` rounds of `a` then `b`, after `warmups` rounds thrown away.
 * Alternating, a burst of load from elsewhere hits both alike.
 */
export async function alternatingMedians(
  a: () => Promise<number>,
  b: () => Promise<number>,
  samples: number,
  warmups = 2,
): Promise<[number, number]> {
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  for (let round = -warmups; round < samples; round++) {
    const x = await a();
    const y = await b();
    if (round < 0) continue;
    aTimes.push(x);
    bTimes.push(y);
  }
  return [median(aTimes), median(bTimes)];
}

export const loadAverage = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** `2 × AMD EPYC …; load average 0.52 0.61 0.70` */
export const machine = (): string =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; load average ${loadAverage()}`;
