// Command-line quantities: durations like Locust's `--run-time 1h30m` and rates like `500/s`.

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `30s`, `1m30s`, `2h`, `250ms`, or a bare number of seconds → milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  const consumed = parts.map((part) => part[0]).join('');
  if (parts.length === 0 || consumed !== trimmed) {
    throw new RangeError(`not a duration: "${text}" (try 30s, 1m30s, 2h, 250ms)`);
  }
  return parts.reduce((ms, [, amount, unit]) => ms + Number(amount) * DURATION_UNITS_MS[unit!]!, 0);
}

const RATE_UNITS_S: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `500/s`, `30/m`, `100/h` or a bare number per second → arrivals per second. */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|m|h))?\s*$/.exec(text);
  const rate = match ? Number(match[1]) / RATE_UNITS_S[match[2] ?? 's']! : Number.NaN;
  if (!(rate > 0)) throw new RangeError(`not a rate: "${text}" (try 500/s or 30/m)`);
  return rate;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h ? `${h}h` : '', m ? `${m}m` : '', s || (!h && !m) ? `${s}s` : ''].join('');
}
