// What the scaling lab shows: per sweep, the measured steps beside both fits, the residuals,
// Little's law as a check, and where the generator itself was the bottleneck; then one offline
// HTML page with the points and the fitted curves (the load report's chart and style).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Table from 'cli-table3';
import { escapeXml, STYLE, table } from '../load/html-report.ts';
import { lineChart, type Series } from '../load/svg-chart.ts';
import type { SweepStep } from './sweep.ts';

export interface UslModel {
  lambda: number;
  sigma: number;
  kappa: number;
  peakN: number;
  peakThroughput: number;
  r2: number;
}

export interface AmdahlModel {
  p: number;
  lambda: number;
  r2: number;
}

export interface SweepResult {
  label: string;
  steps: SweepStep[];
  usl?: UslModel;
  amdahl?: AmdahlModel;
  /** Why a fit is missing, in the fit's own words. */
  fitError?: string;
}

export const uslAt = (m: UslModel, n: number) =>
  (m.lambda * n) / (1 + m.sigma * (n - 1) + m.kappa * n * (n - 1));
export const amdahlAt = (m: AmdahlModel, n: number) => m.lambda / (1 - m.p + m.p / n);

const pct = (share: number) => `${Math.round(share * 100)} %`;
const num = (v: number, digits = 1) => v.toFixed(digits);
const coefficient = (v: number) => (v === 0 ? '0' : v < 0.01 ? v.toExponential(3) : v.toFixed(4));

function stepRows(sweep: SweepResult): string[][] {
  return sweep.steps.map((s) => {
    const fitted = sweep.usl ? uslAt(sweep.usl, s.n) : undefined;
    return [
      String(s.n),
      num(s.x),
      fitted === undefined ? '—' : num(fitted),
      fitted === undefined ? '—' : `${num(((s.x - fitted) / fitted) * 100)} %`,
      num(s.meanMs, 2),
      num((s.x * s.meanMs) / 1000, 2),
      s.generatorCpu.length ? s.generatorCpu.map(pct).join(' / ') : 'n/a',
      s.serverCpu === undefined ? 'n/a' : pct(s.serverCpu),
      s.failures ? `${s.failures} failed` : s.generatorBound ? 'generator-bound' : '',
    ];
  });
}

const HEAD = [
  'N',
  'X (req/s)',
  'USL X',
  'residual',
  'R (ms)',
  'X·R (≈ N)',
  'generator CPU',
  'server CPU',
  'note',
];

export function fitLines(sweep: SweepResult): string[] {
  if (sweep.fitError) return [`no fit: ${sweep.fitError}`];
  const lines: string[] = [];
  const { amdahl, usl } = sweep;
  if (amdahl) {
    lines.push(
      `Amdahl: p = ${amdahl.p.toFixed(3)} (serial share ${(1 - amdahl.p).toFixed(3)}), ` +
        `λ = ${num(amdahl.lambda)} req/s, ceiling ${num(1 / (1 - amdahl.p), 2)}× = ` +
        `${num(amdahl.lambda / (1 - amdahl.p))} req/s, R² = ${amdahl.r2.toFixed(4)}`,
    );
  }
  if (usl) {
    const peak = Number.isFinite(usl.peakN)
      ? `peak at N* = ${num(usl.peakN)}: ${num(usl.peakThroughput)} req/s`
      : `no peak (κ = 0): it flattens towards ${num(usl.peakThroughput)} req/s`;
    lines.push(
      `USL: λ = ${num(usl.lambda)} req/s, σ = ${coefficient(usl.sigma)} (contention), ` +
        `κ = ${coefficient(usl.kappa)} (coherency), ${peak}, R² = ${usl.r2.toFixed(4)}`,
    );
  }
  const bound = sweep.steps.filter((s) => s.generatorBound).map((s) => s.n);
  if (bound.length) {
    lines.push(
      `warning: a generator thread was above 90 % of a core at N = ${bound.join(', ')}: ` +
        'those steps measured the load generator, not the service',
    );
  }
  return lines;
}

export function sweepTable(sweep: SweepResult): string {
  const out = new Table({ head: HEAD, style: { head: [], border: [] } });
  for (const row of stepRows(sweep)) out.push(row);
  return [`${sweep.label}`, out.toString(), ...fitLines(sweep)].join('\n');
}

const COLORS = { measured: '#222', usl: '#1f77b4', amdahl: '#ff7f0e' };

function sweepChart(sweep: SweepResult): string {
  const maxN = Math.max(...sweep.steps.map((s) => s.n));
  const grid = Array.from({ length: 101 }, (_, i) => 1 + ((maxN - 1) * i) / 100);
  const series: Series[] = [
    {
      label: 'measured',
      color: COLORS.measured,
      dots: true,
      points: sweep.steps.map((s) => [s.n, s.x]),
    },
  ];
  const { usl, amdahl } = sweep;
  if (usl) {
    series.push({
      label: 'USL fit',
      color: COLORS.usl,
      points: grid.map((n) => [n, uslAt(usl, n)]),
    });
  }
  if (amdahl) {
    series.push({
      label: 'Amdahl fit',
      color: COLORS.amdahl,
      points: grid.map((n) => [n, amdahlAt(amdahl, n)]),
    });
  }
  return lineChart({
    title: 'X(N)',
    xLabel: 'N (concurrent users)',
    yLabel: 'requests per second',
    series,
  });
}

export function renderLabPage(sweeps: SweepResult[], settings: [string, string][]): string {
  const sections = sweeps.map(
    (sweep) => `<section class="sweep">
<h2>${escapeXml(sweep.label)}</h2>
<div class="chart">${sweepChart(sweep)}</div>
${table(HEAD, stepRows(sweep), { totalLast: false })}
<ul>${fitLines(sweep)
      .map(
        (line) =>
          `<li${line.startsWith('warning') ? ' class="breach"' : ''}>${escapeXml(line)}</li>`,
      )
      .join('')}</ul>
</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Scaling lab</title>
<style>${STYLE}
.chart svg { max-width: 100%; height: auto; }</style></head>
<body>
<h1>Scaling lab: Amdahl's law and the USL, fitted to this machine</h1>
<dl>${settings.map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${escapeXml(v)}</dd>`).join('')}</dl>
${sections.join('\n')}
</body></html>
`;
}

export function writeLabPage(path: string, sweeps: SweepResult[], settings: [string, string][]) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderLabPage(sweeps, settings));
}
