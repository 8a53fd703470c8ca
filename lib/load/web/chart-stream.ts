// The charts go to a page once, then only their new seconds: the server slices each chart's
// x and series from the first second a page has not seen, and the page appends. Any change
// of shape (a new request name or thread: a new series) or a restart sends everything again.
// Used on both sides, so nothing here touches Node.
import type { ChartData } from '../charts/chart-data.ts';

/** Which charts and series there are: equal shapes can be appended to one another. */
export function chartShape(charts: ChartData[]): string {
  return charts.map((c) => `${c.id}:${c.series.map((s) => s.label).join('|')}`).join(';');
}

export function sliceCharts(charts: ChartData[], from: number): ChartData[] {
  return charts.map((chart) => ({
    ...chart,
    x: chart.x.slice(from),
    series: chart.series.map((s) => ({ ...s, values: s.values.slice(from) })),
  }));
}

/** `held` with an update of the same shape appended at `from` (0: the update replaces it). */
export function appendCharts(held: ChartData[], from: number, update: ChartData[]): ChartData[] {
  if (from === 0 || chartShape(held) !== chartShape(update)) return update;
  return update.map((chart, i) => {
    const old = held[i]!;
    return {
      ...chart,
      x: [...old.x.slice(0, from), ...chart.x],
      series: chart.series.map((s, j) => ({
        ...s,
        values: [...old.series[j]!.values.slice(0, from), ...s.values],
      })),
    };
  });
}
