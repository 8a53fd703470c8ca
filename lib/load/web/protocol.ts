// What the web UI's server sends the page, and what the page sends back. Types only: the
// browser bundle (browser/app.ts) imports this file too, so nothing here may touch Node.
import type { ChartData } from '../charts/chart-data.ts';

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

export interface Snapshot {
  state: RunState;
  host: string;
  scenario: string;
  users: number;
  /** Users asked for. */
  targetUsers: number;
  /** Requests and failures per second: over the last 10 s while running, else the whole run. */
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
  /** What tasks threw (not request failures), Locust's Exceptions. */
  exceptions: Table;
  warnings: string[];
  /** Why the last run could not start or crashed. */
  error: string | null;
  /**
   * The HTML report's charts (charts/report-series.ts), each x and series from index `from`
   * on: the page appends them. `from` is 0 when the history restarted (a new run, a reset:
   * `generation` changes) or the charts changed shape (a new request name or thread).
   */
  chart: { generation: number; from: number; charts: ChartData[] };
}
