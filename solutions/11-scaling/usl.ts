// The Universal Scalability Law, fitted by nonlinear least squares.
//
//   X(N) = λN / (1 + σ(N − 1) + κN(N − 1))
//
// λ is the throughput of one user, σ the share of the work that waits in line (contention:
// Amdahl's serial part) and κ the cost of keeping N users' views consistent with each other
// (coherency: every pair pays, so it grows with N²). With κ > 0 throughput peaks at
// N* = √((1 − σ)/κ) and then falls; with κ = 0 it only flattens, towards λ/σ.
//
// The fit minimises the squared error of X itself, not of a linearised form: Gunther's
// linearisation (below) gives the starting point, and Levenberg–Marquardt walks from there to
// the least-squares optimum with λ free and σ, κ held at or above 0.
import { checkPoints, type Point, rSquared, USL_NEEDS } from '../../lib/scaling/points.ts';

export { FitError, type Point } from '../../lib/scaling/points.ts';

export interface UslParams {
  lambda: number;
  sigma: number;
  kappa: number;
}

export interface UslFit extends UslParams {
  /** Concurrency of the highest throughput; Infinity when κ = 0 (it never turns down). */
  peakN: number;
  /** The model at peakN; with κ = 0 the asymptote λ/σ (Infinity when σ = 0 too). */
  peakThroughput: number;
  r2: number;
}

export function uslThroughput({ lambda, sigma, kappa }: UslParams, n: number): number {
  return (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
}

export function uslFit(points: readonly Point[]): UslFit {
  checkPoints(points, 4, 'the USL', USL_NEEDS);
  const params = leastSquares(points, { fitKappa: true });
  return { ...params, ...peakOf(params), r2: rSquared(points, (n) => uslThroughput(params, n)) };
}

export function peakOf({ lambda, sigma, kappa }: UslParams): {
  peakN: number;
  peakThroughput: number;
} {
  if (kappa > 0) {
    const peakN = Math.sqrt(Math.max(0, 1 - sigma) / kappa);
    return { peakN, peakThroughput: uslThroughput({ lambda, sigma, kappa }, peakN) };
  }
  // λ/0 is Infinity: with σ = κ = 0 nothing ever holds throughput back.
  return { peakN: Infinity, peakThroughput: lambda / sigma };
}

/**
 * Gunther's linearisation: with λ taken from the lowest N (where users barely meet),
 * λN/X(N) − 1 = σ(N − 1) + κN(N − 1) is linear in σ and κ. Its least-squares solution is
 * a good start, never the answer: it weighs the points by 1/X², not equally.
 */
export function linearisedStart(points: readonly Point[], fitKappa: boolean): UslParams {
  const first = points.reduce((low, p) => (p.n < low.n ? p : low));
  const lambda = first.x / first.n;
  const rows = points.map(({ n, x }) => ({ a: n - 1, b: n * (n - 1), y: (lambda * n) / x - 1 }));
  const saa = rows.reduce((s, r) => s + r.a * r.a, 0);
  const sab = rows.reduce((s, r) => s + r.a * r.b, 0);
  const sbb = rows.reduce((s, r) => s + r.b * r.b, 0);
  const say = rows.reduce((s, r) => s + r.a * r.y, 0);
  const sby = rows.reduce((s, r) => s + r.b * r.y, 0);
  // checkPoints guarantees a second distinct N (so saa > 0) and, for the USL, four (so the
  // columns N − 1 and N(N − 1) are independent and det > 0).
  if (!fitKappa) return { lambda, sigma: Math.max(0, say / saa), kappa: 0 };
  const det = saa * sbb - sab * sab;
  return {
    lambda,
    sigma: Math.max(0, (say * sbb - sby * sab) / det),
    kappa: Math.max(0, (sby * saa - say * sab) / det),
  };
}

const MAX_ITERATIONS = 500;

/**
 * Levenberg–Marquardt on (λ, σ, κ), in Marquardt's scaled form so that λ (thousands) and κ
 * (ten-thousandths) move on equal terms. No parameter goes below 0: one sitting at 0 whose
 * gradient points below 0 is held there for the step, and a step that crosses 0 is clamped to
 * it. A step is taken only when it lowers the squared error; the loop ends when none can.
 */
export function leastSquares(
  points: readonly Point[],
  { fitKappa }: { fitKappa: boolean },
): UslParams {
  let theta = toVector(linearisedStart(points, fitKappa));
  let sse = errorOf(points, theta);
  let damping = 1e-3;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const { jtj, jtr } = normalEquations(points, theta);
    const free = [0, 1, 2].filter((j) => (j < 2 || fitKappa) && (theta[j]! > 0 || jtr[j]! > 0));
    let next = theta;
    let nextSse = sse;
    while (nextSse >= sse && damping < 1e20) {
      const step = dampedStep(jtj, jtr, free, damping);
      next = theta.map((t, j) => Math.max(0, t + step[j]!));
      nextSse = errorOf(points, next);
      if (nextSse >= sse) damping *= 10;
    }
    if (!(nextSse < sse * (1 - 1e-15))) break;
    theta = next;
    sse = nextSse;
    damping = Math.max(damping / 10, 1e-12);
  }
  return { lambda: theta[0]!, sigma: theta[1]!, kappa: theta[2]! };
}

const toVector = ({ lambda, sigma, kappa }: UslParams) => [lambda, sigma, kappa];

function errorOf(points: readonly Point[], [lambda, sigma, kappa]: number[]): number {
  let sse = 0;
  for (const { n, x } of points) {
    sse += (x - uslThroughput({ lambda: lambda!, sigma: sigma!, kappa: kappa! }, n)) ** 2;
  }
  return sse;
}

/** JᵀJ and Jᵀr of the residuals r = x − X(N), J the model's derivatives by (λ, σ, κ). */
function normalEquations(points: readonly Point[], [lambda, sigma, kappa]: number[]) {
  const jtj = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const jtr = [0, 0, 0];
  for (const { n, x } of points) {
    const d = 1 + sigma! * (n - 1) + kappa! * n * (n - 1);
    const model = (lambda! * n) / d;
    const row = [n / d, (-model * (n - 1)) / d, (-model * n * (n - 1)) / d];
    for (let i = 0; i < 3; i++) {
      jtr[i]! += row[i]! * (x - model);
      for (let k = 0; k < 3; k++) jtj[i * 3 + k]! += row[i]! * row[k]!;
    }
  }
  return { jtj, jtr };
}

/**
 * The step δ over the free parameters from (JᵀJ + μ·diag JᵀJ) δ = Jᵀr, solved in the scaled
 * variables z_j = δ_j·√(JᵀJ)_jj, where the matrix is A + μI with a unit diagonal: symmetric
 * positive definite, so elimination needs no pivoting.
 */
function dampedStep(jtj: number[], jtr: number[], free: number[], damping: number): number[] {
  const scale = free.map((j) => Math.sqrt(jtj[j * 3 + j]!));
  const a = free.map((i, r) =>
    free.map((k, c) => jtj[i * 3 + k]! / (scale[r]! * scale[c]!) + (r === c ? damping : 0)),
  );
  const z = free.map((j, r) => jtr[j]! / scale[r]!);
  const size = free.length;
  for (let col = 0; col < size; col++) {
    for (let row = col + 1; row < size; row++) {
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k < size; k++) a[row]![k]! -= factor * a[col]![k]!;
      z[row]! -= factor * z[col]!;
    }
  }
  for (let row = size - 1; row >= 0; row--) {
    for (let k = row + 1; k < size; k++) z[row]! -= a[row]![k]! * z[k]!;
    z[row]! /= a[row]![row]!;
  }
  const step = [0, 0, 0];
  free.forEach((j, r) => {
    step[j] = z[r]! / scale[r]!;
  });
  return step;
}
