// The web UI streams the report's charts a second at a time: what a page holds after the
// appends equals the charts the server last built, and a new series or a restart starts over.
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../../lib/load/charts/chart-data.ts';
import { appendCharts, chartShape, sliceCharts } from '../../lib/load/web/chart-stream.ts';

/** The rps chart after `seconds` seconds; with `names`, one series per request name too. */
function charts(seconds: number, names: string[] = []): ChartData[] {
  const x = Array.from({ length: seconds }, (_, i) => i + 1);
  return [
    {
      id: 'rps',
      title: 'Requests per second',
      unit: 'req/s',
      x,
      series: [
        { label: 'all requests', color: '#1f6feb', values: x.map((t) => 10 * t) },
        ...names.map((label, n) => ({
          label,
          color: '#bf8700',
          values: x.map((t) => (t % 3 === 0 ? null : t + n)),
        })),
      ],
    },
  ];
}

describe('the Charts tab’s stream', () => {
  it('appends each second’s slice to what the page holds, ending equal to the server’s charts', () => {
    let held: ChartData[] = [];
    let sent = 0;
    for (let seconds = 1; seconds <= 6; seconds++) {
      const now = charts(seconds, ['GET /albums']);
      const from = held.length === 0 ? 0 : sent;
      held = appendCharts(held, from, sliceCharts(now, from));
      sent = seconds;
      expect(held).toEqual(now);
    }
  });

  it('starts over when a series appears or the history restarts', () => {
    const held = charts(4);
    const withName = charts(5, ['GET /albums']);
    expect(chartShape(withName)).not.toBe(chartShape(held));
    // Sliced from 4 by mistake, a new shape still replaces: never a series with a hole.
    expect(appendCharts(held, 4, withName)).toEqual(withName);
    const afterReset = charts(1);
    expect(appendCharts(held, 0, afterReset)).toEqual(afterReset);
  });
});
