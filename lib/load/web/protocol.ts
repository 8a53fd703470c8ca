// What the web UI's server sends the page, and what the page sends back. Types only: the
// browser bundle (browser/app.ts) imports this file too, so nothing here may touch Node.

/** Locust's states, as its header shows them. */
export type RunState = 'ready' | 'spawning' | 'running' | 'stopping' | 'stopped';

/** The form, as typed: the server parses and checks every field (form.ts). */
export interface SwarmForm {
  host: string;
  users: string;
  spawnRate: string;
  /** Empty: until Stop. */
  runTime: string;
  /** A path from the scenario list the page was given, nothing else. */
  scenario: string;
}

export interface Table {
  head: string[];
  /** Formatted cells, the terminal's formatting; the Aggregated row last where there is one. */
  rows: string[][];
}

/** One second of the run, for the charts. Times in ms, rates per second. */
export interface ChartPoint {
  /** Seconds since the statistics began (the start, or the last reset). */
  t: number;
  rps: number;
  failPerSec: number;
  /** Over the last 10 s; null while no request ended in that window. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  users: number;
  /** The generator's CPU over that second, in % of one core; null where unknown. */
  cpu: number | null;
}

export interface Snapshot {
  state: RunState;
  host: string;
  scenario: string;
  users: number;
  /** Users asked for. */
  targetUsers: number;
  /** Current (last 10 s) requests and failures per second. */
  rps: number;
  failPerSec: number;
  /** Failed share of every request since the statistics began, 0 … 1. */
  failRatio: number;
  requests: number;
  elapsedMs: number;
  /** null: runs until Stop. */
  runTimeMs: number | null;
  /** Epoch ms of the run's start and of the statistics' start (later after a Reset). */
  startedAt: number | null;
  statsSince: number | null;
  resets: number;
  stats: Table;
  percentiles: Table;
  failures: Table;
  warnings: string[];
  /** Why the last run could not start or crashed. */
  error: string | null;
  /** Chart points from index `from` on; `generation` changes when the history restarts. */
  chart: { generation: number; from: number; points: ChartPoint[] };
}
