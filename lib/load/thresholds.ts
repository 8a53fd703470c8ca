// SLAs as k6 writes them: `p95<200`, `p(99)<=500`, `avg<100`, `max<2s`, `fail<1%`,
// `rps>100`. Checked on the Aggregated row at the end; a breach sets the exit code.
import type { LoadStats } from './kata-stats.ts';

type Op = '<' | '<=' | '>' | '>=';

export interface Threshold {
  text: string;
  /** What is compared, for the report: `p95 (ms)`, `failure ratio`, … */
  label: string;
  op: Op;
  limit: number;
  read(entry: LoadStats): number;
}

export interface ThresholdResult {
  threshold: Threshold;
  actual: number;
  passed: boolean;
}

const COMPARE: Record<Op, (actual: number, limit: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

const TIME_METRICS: Record<string, (entry: LoadStats) => number> = {
  avg: (entry) => entry.avg,
  min: (entry) => entry.min,
  max: (entry) => entry.max,
  med: (entry) => entry.median,
  median: (entry) => entry.median,
};

function timeLimit(value: number, unit: string, text: string): number {
  if (unit === '' || unit === 'ms') return value;
  if (unit === 's') return value * 1000;
  throw new RangeError(`threshold "${text}": a time limit is in ms or s, not "${unit}"`);
}

export function parseThreshold(text: string): Threshold {
  const match =
    /^\s*([a-z]+|p\(?\d+(?:\.\d+)?\)?)\s*(<=|>=|<|>)\s*(\d+(?:\.\d+)?)\s*(%|ms|s)?\s*$/i.exec(text);
  if (!match) {
    throw new RangeError(
      `not a threshold: "${text}" (try "p95<200", "p(99)<1s", "avg<100", "fail<1%", "rps>50")`,
    );
  }
  const [, rawMetric, op, rawValue, unit = ''] = match;
  const metric = rawMetric!.toLowerCase().replace(/[()]/g, '');
  const value = Number(rawValue);
  const base = { text: text.trim(), op: op as Op };
  const percentile = /^p(\d+(?:\.\d+)?)$/.exec(metric);
  if (percentile) {
    const p = Number(percentile[1]);
    if (p > 100) throw new RangeError(`threshold "${text}": p${p} is above p100`);
    return {
      ...base,
      label: `p${p} (ms)`,
      limit: timeLimit(value, unit, text),
      read: (entry) => entry.percentile(p),
    };
  }
  const timeMetric = TIME_METRICS[metric];
  if (timeMetric) {
    return {
      ...base,
      label: `${metric} (ms)`,
      limit: timeLimit(value, unit, text),
      read: timeMetric,
    };
  }
  if (metric === 'fail' || metric === 'failures') {
    if (unit !== '%' && value > 1) {
      throw new RangeError(`threshold "${text}": a failure ratio is 0 … 1, or a percentage`);
    }
    return {
      ...base,
      label: 'failure ratio',
      limit: unit === '%' ? value / 100 : value,
      read: (entry) => (entry.count === 0 ? 0 : entry.failures / entry.count),
    };
  }
  if (metric === 'rps') {
    return { ...base, label: 'req/s', limit: value, read: (entry) => entry.totalRps };
  }
  throw new RangeError(`threshold "${text}": unknown metric "${rawMetric}"`);
}

export function evaluateThresholds(thresholds: Threshold[], entry: LoadStats): ThresholdResult[] {
  return thresholds.map((threshold) => {
    const actual = threshold.read(entry);
    return { threshold, actual, passed: COMPARE[threshold.op](actual, threshold.limit) };
  });
}
