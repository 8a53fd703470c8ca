// An independent, slow and plain answer to "what is the least squared error any USL can reach
// on these points?", so a spec can judge a fit without trusting any fit.
//
// For fixed σ and κ the best λ has a closed form (linear least squares through the origin):
// with g(N) = N / (1 + σ(N − 1) + κN(N − 1)), λ = Σxg / Σg² and SSE = Σx² − (Σxg)²/Σg².
// What is left is two dimensions, searched on a grid that zooms in on its best cell.
import type { Point } from '../../lib/scaling/points.ts';

function reducedError(points: readonly Point[], sigma: number, kappa: number): number {
  let xg = 0;
  let gg = 0;
  let xx = 0;
  for (const { n, x } of points) {
    const g = n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    xg += x * g;
    gg += g * g;
    xx += x * x;
  }
  return Math.max(0, xx - (xg * xg) / gg);
}

/** The smallest SSE over λ free, 0 ≤ σ ≤ 1 and 0 ≤ κ ≤ 1 (κ searched on a square-root scale). */
export function leastSquaredError(points: readonly Point[], { fixKappa = false } = {}): number {
  const cells = 60;
  let sigmaLow = 0;
  let sigmaHigh = 1;
  let rootLow = 0;
  let rootHigh = fixKappa ? 0 : 1;
  let best = Infinity;
  let bestSigma = 0;
  let bestRoot = 0;
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i <= cells; i++) {
      const sigma = sigmaLow + ((sigmaHigh - sigmaLow) * i) / cells;
      for (let k = 0; k <= (fixKappa ? 0 : cells); k++) {
        const root = rootLow + ((rootHigh - rootLow) * k) / cells;
        const sse = reducedError(points, sigma, root * root);
        if (sse < best) {
          best = sse;
          bestSigma = sigma;
          bestRoot = root;
        }
      }
    }
    const sigmaSpan = (sigmaHigh - sigmaLow) / 8;
    const rootSpan = (rootHigh - rootLow) / 8;
    sigmaLow = Math.max(0, bestSigma - sigmaSpan);
    sigmaHigh = Math.min(1, bestSigma + sigmaSpan);
    rootLow = Math.max(0, bestRoot - rootSpan);
    rootHigh = Math.min(1, bestRoot + rootSpan);
  }
  return best;
}
