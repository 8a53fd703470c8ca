/// <reference lib="dom" />
// The load report's charts, drawn in the browser with uPlot: one function that takes the
// series and a DOM element, so the single-file HTML report and a later live web UI draw the
// same charts. Runs in the browser only (it is bundled into the report, see bundle.ts).
// Every chart shares one cursor: hovering one shows every chart's values at that second in
// its legend; dragging across a chart zooms all of them, a double-click zooms back out (the
// shown range is in each figure's data-x-range, "min max" in seconds).
import uPlot from 'uplot';
import type { ChartData } from './chart-data.ts';

const HEIGHT = 220;
const SYNC_KEY = 'load-report';

function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '–';
  const digits =
    Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function options(chart: ChartData, width: number): uPlot.Options {
  return {
    title: chart.title,
    width,
    height: HEIGHT,
    cursor: { sync: { key: SYNC_KEY, setSeries: true }, drag: { x: true, y: false } },
    scales: { x: { time: false } },
    axes: [
      { label: 'seconds since the start', size: 40 },
      { label: chart.unit, size: 56 },
    ],
    series: [
      { label: 'time', value: (_u, v) => (v === null ? '–' : `${v} s`) },
      ...chart.series.map(
        (s): uPlot.Series => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          ...(s.dash ? { dash: [6, 4] } : {}),
          spanGaps: false,
          points: { show: false },
          value: (_u, v) => formatValue(v, chart.unit),
        }),
      ),
    ],
  };
}

/** uPlot's data: the x values, then one array per series (null leaves a gap). */
const dataOf = (chart: ChartData): uPlot.AlignedData => [
  chart.x,
  ...chart.series.map((s) => s.values),
];

/**
 * Draws each chart into its own figure inside `root`, as wide as `root`, and keeps them as
 * wide as `root` when the window is resized. Returns the plots (a live UI calls setData).
 */
export function drawCharts(root: HTMLElement, charts: ChartData[]): uPlot[] {
  const width = () => Math.max(280, root.clientWidth);
  const plots: uPlot[] = [];
  // The shared cursor carries a drag to every chart, so a zoom (or its undo) applies to all;
  // each figure shows its range in data-x-range.
  const showRange: uPlot.Hooks.Defs['setScale'] = (plot, key) => {
    if (key !== 'x') return;
    const { min, max } = plot.scales.x!;
    (plot.root.parentElement as HTMLElement).dataset.xRange = `${min} ${max}`;
  };
  for (const chart of charts) {
    const figure = document.createElement('figure');
    figure.className = 'chart';
    figure.dataset.chart = chart.id;
    root.append(figure);
    const opts = { ...options(chart, width()), hooks: { setScale: [showRange] } };
    plots.push(new uPlot(opts, dataOf(chart), figure));
  }
  window.addEventListener('resize', () => {
    for (const plot of plots) plot.setSize({ width: width(), height: HEIGHT });
  });
  return plots;
}
