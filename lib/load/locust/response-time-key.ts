// The key under which Locust files a response time in StatsEntry.response_times (locust/stats.py,
// _log_response_time, 2.12.1): exact ms below 100, then two significant digits, so 147 → 150,
// 3432 → 3400, 58760 → 59000. The master reads its percentiles from these keys, so ours must
// round as Python's round() does: half to even (round(2.5) == 2, round(145, -1) == 140).

/** x rounded to a multiple of `unit`, ties to the even multiple. */
function roundHalfEven(x: number, unit: number): number {
  const scaled = x / unit;
  const floor = Math.floor(scaled);
  const fraction = scaled - floor;
  if (fraction > 0.5) return (floor + 1) * unit;
  if (fraction < 0.5) return floor * unit;
  return (floor % 2 === 0 ? floor : floor + 1) * unit;
}

/** Locust's rounded response time for `ms` (ms, as Locust measures it). */
export function responseTimeKey(ms: number): number {
  if (ms < 100) return roundHalfEven(ms, 1);
  if (ms < 1000) return roundHalfEven(ms, 10);
  if (ms < 10_000) return roundHalfEven(ms, 100);
  return roundHalfEven(ms, 1000);
}
