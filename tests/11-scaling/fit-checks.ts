// Assertions shared by the fit specs, each failing with what went wrong in the learner's terms.
import { expect } from 'vitest';
import type { Point } from '../../lib/scaling/points.ts';
import { type Params, usl } from './datasets.ts';

const fmt = (v: number) => (Math.abs(v) >= 0.01 || v === 0 ? v.toFixed(3) : v.toExponential(3));

/** The fitted curve must turn down where the data do: a fit without κ never does. */
export function expectFollowsRetrograde(fit: Params & { peakN: number }, points: readonly Point[]) {
  const peak = points.reduce((top, p) => (p.x > top.x ? p : top));
  const last = points.reduce((end, p) => (p.n > end.n ? p : end));
  if (last.x >= peak.x * 0.98) return;
  const predicted = usl(fit, last.n) / usl(fit, peak.n);
  const measured = last.x / peak.x;
  if (Math.abs(predicted - measured) > 0.02 * measured || !Number.isFinite(fit.peakN)) {
    expect.fail(
      `predicted ${predicted.toFixed(2)}× at N=${last.n} where the data fall to ` +
        `${measured.toFixed(2)}× of their peak at N=${peak.n}: the fit ignores coherency (κ)` +
        (fit.kappa === 0 ? ', which it holds at 0' : ` (κ = ${fmt(fit.kappa)})`),
    );
  }
}

/** Each parameter within a relative `tolerance` of the truth, or within `absolute` of a true 0. */
export function expectRecovers(fit: Params, truth: Params, tolerance = 1e-3, absolute = 1e-6) {
  for (const name of ['lambda', 'sigma', 'kappa'] as const) {
    const got = fit[name];
    const want = truth[name];
    const ok =
      want === 0 ? Math.abs(got) <= absolute : Math.abs(got - want) <= tolerance * Math.abs(want);
    if (!ok) {
      expect.fail(
        `${name} = ${fmt(got)}, the data were made with ${name} = ${fmt(want)} ` +
          `(${want === 0 ? `allowed ±${absolute}` : `allowed ±${tolerance * 100} %`})`,
      );
    }
  }
}

/** `published` printed to a given number of significant digits: the fit must round to it. */
export function expectRoundsTo(name: string, got: number, published: number, digits: number) {
  const rounded = Number(got.toPrecision(digits));
  expect(
    rounded,
    `${name} = ${got} rounds to ${rounded}; the published fit says ${published}`,
  ).toBe(published);
}

export const sumOfSquaredErrors = (points: readonly Point[], params: Params) =>
  points.reduce((sum, { n, x }) => sum + (x - usl(params, n)) ** 2, 0);

/**
 * First-order optimality, the way a fit can be judged without knowing the answer: at the
 * least-squares optimum, nudging a parameter that sits above 0 changes the squared error only
 * at second order, and nudging one held at 0 upwards cannot lower it. Central differences,
 * relative to the error itself; `what` names the data in the message.
 */
export function expectStationary(points: readonly Point[], fit: Params, what: string) {
  const sse = sumOfSquaredErrors(points, fit);
  for (const name of ['lambda', 'sigma', 'kappa'] as const) {
    const value = fit[name];
    const h = value > 0 ? value * 1e-5 : 1e-9;
    const at = (v: number) => sumOfSquaredErrors(points, { ...fit, [name]: v });
    if (value > 0) {
      // d SSE / d ln θ, as a share of SSE: 0 at the optimum, up to rounding.
      const slope = ((at(value + h) - at(value - h)) / (2 * h)) * value;
      expect(
        Math.abs(slope) / sse,
        `${what}: moving ${name} (${fmt(value)}) by 1 % changes the squared error by ` +
          `${((Math.abs(slope) / sse) * 1).toPrecision(2)} %: the fit stopped before the optimum`,
      ).toBeLessThan(1e-4);
    } else {
      expect(
        at(h),
        `${what}: raising ${name} from 0 lowers the squared error: the fit stopped before the optimum`,
      ).toBeGreaterThanOrEqual(sse * (1 - 1e-9));
    }
  }
}
