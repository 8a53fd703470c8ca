// The Charts tab: the same four charts as the HTML report (requests and failures per second,
// p50/p95/p99, users, the generator's CPU), drawn in the browser by the report's own chart
// code from the points the server streams.
import { lineChart } from '../../svg-chart.ts';
import type { ChartPoint } from '../protocol.ts';

export interface ChartTargets {
  rps: HTMLElement;
  latency: HTMLElement;
  users: HTMLElement;
  cpu: HTMLElement;
}

const xLabel = 'seconds since the statistics began';
const nullable = (value: number | null) => value ?? undefined;

export function drawCharts(targets: ChartTargets, points: ChartPoint[], width: number): void {
  const series = (label: string, color: string, y: (p: ChartPoint) => number | null) => ({
    label,
    color,
    points: points.map((p): [number, number | undefined] => [p.t, nullable(y(p))]),
  });
  const size = { width: Math.max(360, Math.min(760, Math.floor(width))), height: 240 };
  targets.rps.innerHTML = lineChart({
    ...size,
    title: 'Requests per second (last 10 s)',
    xLabel,
    yLabel: 'per second',
    series: [
      series('requests/s', '#1f6feb', (p) => p.rps),
      series('failures/s', '#d1242f', (p) => p.failPerSec),
    ],
  });
  targets.latency.innerHTML = lineChart({
    ...size,
    title: 'Response time percentiles (last 10 s)',
    xLabel,
    yLabel: 'ms',
    series: [
      series('p50', '#2da44e', (p) => p.p50),
      series('p95', '#bf8700', (p) => p.p95),
      series('p99', '#cf222e', (p) => p.p99),
    ],
  });
  targets.users.innerHTML = lineChart({
    ...size,
    title: 'Users',
    xLabel,
    yLabel: 'users',
    series: [series('users', '#8250df', (p) => p.users)],
  });
  targets.cpu.innerHTML = lineChart({
    ...size,
    title: 'Generator CPU (whole process)',
    xLabel,
    yLabel: '% of one core',
    series: [series('CPU %', '#57606a', (p) => p.cpu)],
  });
}
