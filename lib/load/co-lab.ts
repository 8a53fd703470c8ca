// The coordinated-omission lab: the same service, stalled for 1 s once, measured by the
// closed model (users wait for their replies, so they stop asking during the stall) and
// by the open model (arrivals keep their schedule; latency counts from the intended time).
import { type LoadOptions, type RunResult, runLoad } from './run.ts';
import { type EntrySummary, summarize } from './run-stats.ts';
import type { ArrivalCounts } from './runner.ts';
import { getLoop } from './scenario.ts';
import type { Stall } from './stall.ts';

export const pingScenario = getLoop('ping', '/ping');

export interface CoLabPlan {
  /** Closed model: users with no wait. Open model: the pool that serves the arrivals. */
  users: number;
  /** Open model: arrivals per second (well below what the users can serve). */
  rate: number;
  runTimeMs: number;
  stallAtMs: number;
  stallForMs: number;
}

export interface CoLabResult {
  closed: EntrySummary;
  open: EntrySummary;
  openArrivals: ArrivalCounts;
}

/** Runs both models one after the other; the stall is re-armed for each run. */
export async function runCoLab(
  plan: CoLabPlan,
  stall: Stall,
  base: Omit<LoadOptions<unknown>, 'scenario' | 'users' | 'runTimeMs' | 'rate'>,
  run: (options: LoadOptions<unknown>) => Promise<RunResult> = runLoad,
): Promise<CoLabResult> {
  const options = { ...base, scenario: pingScenario, users: plan.users, runTimeMs: plan.runTimeMs };
  stall.schedule(plan.stallAtMs, plan.stallForMs);
  const closed = await run(options);
  stall.schedule(plan.stallAtMs, plan.stallForMs);
  const open = await run({ ...options, rate: plan.rate });
  return {
    closed: summarize(closed.stats.aggregated),
    open: summarize(open.stats.aggregated),
    openArrivals: open.stats.arrivals,
  };
}
