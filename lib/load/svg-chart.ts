// A line chart as inline SVG: no script, no fonts, no network, so the page opens offline.
// The scaling lab's chart (measured points beside fitted curves); the load report draws with
// uPlot instead (charts/draw-charts.ts).
import { escapeXml } from './html-report.ts';

export interface Series {
  label: string;
  color: string;
  /** [x, y]; y undefined leaves a gap. */
  points: [number, number | undefined][];
  /** Draw each point as a dot and no line: measurements, beside fitted curves. */
  dots?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  width?: number;
  height?: number;
}

/** 1, 2 or 5 times a power of ten: the top of an axis that holds `max` in about 5 steps. */
export function niceStep(max: number, steps = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return step;
}

const tickText = (value: number) =>
  Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));

export function lineChart({
  title,
  xLabel,
  yLabel,
  series,
  width = 760,
  height = 240,
}: ChartSpec): string {
  const margin = { left: 64, right: 16, top: 28, bottom: 40 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const xs = series.flatMap((s) => s.points.map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y ?? 0));
  const xMax = Math.max(1, ...xs);
  const yStep = niceStep(Math.max(0, ...ys));
  const yMax = yStep * Math.max(1, Math.ceil(Math.max(0, ...ys) / yStep));
  const xStep = niceStep(xMax, 8);
  const px = (x: number) => margin.left + (x / xMax) * plotW;
  const py = (y: number) => margin.top + plotH - (y / yMax) * plotH;

  const parts: string[] = [];
  for (let y = 0; y <= yMax + yStep / 2; y += yStep) {
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${py(y)}" y2="${py(y)}" stroke="#e3e3e3"/>`,
      `<text x="${margin.left - 6}" y="${py(y) + 4}" text-anchor="end">${tickText(y)}</text>`,
    );
  }
  for (let x = 0; x <= xMax; x += xStep) {
    parts.push(
      `<text x="${px(x)}" y="${margin.top + plotH + 16}" text-anchor="middle">${tickText(x)}</text>`,
    );
  }
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${py(0)}" y2="${py(0)}" stroke="#888"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 6}" text-anchor="middle">${escapeXml(xLabel)}</text>`,
    `<text transform="translate(14 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(yLabel)}</text>`,
    `<text x="${margin.left}" y="18" font-weight="bold">${escapeXml(title)}</text>`,
  );
  series.forEach((s, i) => {
    let path = '';
    let pen = 'M';
    for (const [x, y] of s.points) {
      if (y === undefined) {
        pen = 'M';
        continue;
      }
      path += `${pen}${px(x).toFixed(1)} ${py(y).toFixed(1)} `;
      pen = 'L';
    }
    if (s.dots) {
      for (const [x, y] of s.points) {
        if (y === undefined) continue;
        parts.push(
          `<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="4" fill="${s.color}"><title>${escapeXml(`${s.label}: ${tickText(x)}, ${tickText(y)}`)}</title></circle>`,
        );
      }
    } else {
      parts.push(
        `<path d="${path.trim()}" fill="none" stroke="${s.color}" stroke-width="2"><title>${escapeXml(s.label)}</title></path>`,
      );
    }
    const legendX = margin.left + plotW - 150 * (series.length - i);
    parts.push(
      `<rect x="${legendX}" y="8" width="12" height="12" fill="${s.color}"/>`,
      `<text x="${legendX + 16}" y="18">${escapeXml(s.label)}</text>`,
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11" role="img" ` +
    `aria-label="${escapeXml(title)}">${parts.join('')}</svg>`
  );
}
