// The Charts tab: the HTML report's own charts (charts/draw-charts.ts, uPlot), fed each second
// with the seconds the server streams. A new series (request name, thread) or a restart
// (a new run, a reset) redraws them; otherwise they take the new data and, unless the reader
// has zoomed in, follow the run's end.
import type uPlot from 'uplot';
import type { ChartData } from '../../charts/chart-data.ts';
import { drawCharts } from '../../charts/draw-charts.ts';
import { appendCharts, chartShape } from '../chart-stream.ts';

const dataOf = (chart: ChartData): uPlot.AlignedData => [
  chart.x,
  ...chart.series.map((s) => s.values),
];

/** Zoomed in: the shown x range stops short of the data's first or last second. */
function zoomed(plot: uPlot): boolean {
  const x = plot.data[0];
  const { min, max } = plot.scales.x!;
  if (x.length < 2 || min == null || max == null) return false;
  return min > x[0]! + 1e-9 || max < x[x.length - 1]! - 1e-9;
}

export class LiveCharts {
  private held: ChartData[] = [];
  private plots: uPlot[] = [];
  private drawnShape = '';

  constructor(private readonly root: HTMLElement) {}

  update(from: number, charts: ChartData[]): void {
    this.held = appendCharts(this.held, from, charts);
    this.redraw();
  }

  /** Draws into the tab only while it shows: uPlot takes its width from the page. */
  redraw(): void {
    if (this.root.offsetParent === null) return;
    const shape = chartShape(this.held);
    if (shape !== this.drawnShape) {
      for (const plot of this.plots) plot.destroy();
      this.root.replaceChildren();
      this.plots = this.held.length > 0 ? drawCharts(this.root, this.held) : [];
      this.drawnShape = shape;
      return;
    }
    this.held.forEach((chart, i) => {
      const plot = this.plots[i]!;
      plot.setData(dataOf(chart), !zoomed(plot));
    });
  }
}
