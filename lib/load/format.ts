// Numbers as the reports print them.

/** Response times keep about three significant digits: 0.84, 12.3, 190. */
export function formatMs(ms: number): string {
  if (ms >= 100) return String(Math.round(ms));
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function formatRate(perSecond: number): string {
  return perSecond.toFixed(2);
}

export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(2)}%`;
}

/** For CSV: plain numbers, at most two decimals. */
export function csvNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function percentileLabel(p: number): string {
  return `${p}%`;
}
