// What a USL fit costs, yours beside the reference and beside ml-levenberg-marquardt (mljs,
// the best-known Levenberg–Marquardt for JavaScript) given the same model, derivatives,
// bounds and start. Time per fit is one thing; the squared error each one reaches, printed
// below the table, is the other: a fast fit that stops early is not a fit.
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { afterAll, bench, describe } from 'vitest';
import { uslFit as learnerFit } from '../../katas/11-scaling/usl.ts';
import type { Point } from '../../lib/scaling/points.ts';
import { linearisedStart, uslFit as referenceFit } from '../../solutions/11-scaling/usl.ts';
import { mysqlCluster, type Params, specSdm91 } from './datasets.ts';
import { sumOfSquaredErrors } from './fit-checks.ts';

function mljsFit(points: Point[]): Params {
  const start = linearisedStart(points, true);
  const { parameterValues } = levenbergMarquardt(
    { x: points.map((p) => p.n), y: points.map((p) => p.x) },
    ([lambda, sigma, kappa]) =>
      (n) =>
        (lambda! * n) / (1 + sigma! * (n - 1) + kappa! * n * (n - 1)),
    {
      initialValues: [start.lambda, start.sigma, start.kappa],
      minValues: [0, 0, 0],
      maxIterations: 500,
      jacobianFunction:
        ([lambda, sigma, kappa]) =>
        (n) => {
          const d = 1 + sigma! * (n - 1) + kappa! * n * (n - 1);
          const x = (lambda! * n) / d;
          return [n / d, (-x * (n - 1)) / d, (-x * n * (n - 1)) / d];
        },
    },
  );
  const [lambda, sigma, kappa] = parameterValues;
  return { lambda: lambda!, sigma: sigma!, kappa: kappa! };
}

const fits: Record<string, (points: Point[]) => Params> = {
  'your uslFit': learnerFit,
  'reference uslFit': referenceFit,
  'ml-levenberg-marquardt': mljsFit,
};

const datasets: Record<string, Point[]> = {
  'SPEC SDM91, 7 points': specSdm91,
  'MySQL sweep, 32 points': mysqlCluster,
};

for (const [dataset, points] of Object.entries(datasets)) {
  describe(dataset, () => {
    for (const [name, fitter] of Object.entries(fits)) {
      bench(name, () => {
        fitter(points);
      });
    }
  });
}

afterAll(() => {
  const lines = Object.entries(datasets).map(([dataset, points]) => {
    const best = sumOfSquaredErrors(points, referenceFit(points));
    const reached = Object.entries(fits)
      .map(
        ([name, fitter]) =>
          `${name} ${(sumOfSquaredErrors(points, fitter(points)) / best).toFixed(6)}×`,
      )
      .join(', ');
    return `  ${dataset}: squared error relative to the reference's: ${reached}`;
  });
  console.log(`\nWhere each fit stopped:\n${lines.join('\n')}`);
});
