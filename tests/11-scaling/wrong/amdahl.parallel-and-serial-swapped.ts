// Wrong: p and 1 − p swapped in the speedup, 1 / (p + (1 − p)/N): the parallel share is
// treated as the serial one. At p = 0.5 both agree, which is why a single check can miss it.
// Rejected by: amdahl.test.ts
import type { Point } from '../../../lib/scaling/points.ts';
import { type AmdahlFit, amdahlFit as fitReference } from '../../../solutions/11-scaling/amdahl.ts';

export function amdahlSpeedup(p: number, n: number): number {
  return 1 / (p + (1 - p) / n);
}

export function amdahlFit(points: readonly Point[]): AmdahlFit {
  return fitReference(points);
}
