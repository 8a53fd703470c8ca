// What a chart needs, as plain JSON: the report embeds it, a live UI would stream it.
// Shared by the Node side (report-series.ts builds it) and the browser side (draw-charts.ts).

export interface ChartSeries {
  label: string;
  /** CSS colour. */
  color: string;
  /** One value per x; null leaves a gap (no request ended in that window). */
  values: (number | null)[];
  dash?: boolean;
}

export interface ChartData {
  /** Stable name, e.g. for a spec or a live UI's updates. */
  id: string;
  title: string;
  /** Of the y axis and of every value shown on hover: "ms", "req/s", "% of a core". */
  unit: string;
  /** Seconds since the start of the run. */
  x: number[];
  series: ChartSeries[];
}
