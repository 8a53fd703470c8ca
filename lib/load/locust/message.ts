// Locust's master–worker messages (locust/rpc/protocol.py and locust/runners.py, 2.12.1): each
// ZeroMQ frame is one msgpack array [type, data, node_id]. The worker's DEALER socket carries
// its node id as routing id; the master's ROUTER answers it by that id.
//
// worker → master: client_ready (data: Locust's version), spawning, spawning_complete,
//   heartbeat (every HEARTBEAT_INTERVAL_MS), stats (every STATS_INTERVAL_MS), client_stopped,
//   exception, quit.
// master → worker: ack ({index}), spawn, stop, quit, reconnect.
import { pack, unpack } from './msgpack.ts';
import type { StatsReport } from './request-stats.ts';

/** The Locust whose source these shapes were read from; sent in client_ready. */
export const LOCUST_VERSION = '2.12.1';
/** runners.py HEARTBEAT_INTERVAL: the master marks a worker missing after 3 silent beats. */
export const HEARTBEAT_INTERVAL_MS = 1000;
/** runners.py WORKER_REPORT_INTERVAL. */
export const STATS_INTERVAL_MS = 3000;

export interface Message {
  type: string;
  data: unknown;
  nodeId: string;
}

/** What a worker says in a heartbeat; `state` is one of runners.py's STATE_* strings. */
export type WorkerState = 'ready' | 'spawning' | 'running' | 'stopped';

export interface HeartbeatData {
  state: WorkerState;
  /** Percent of one core, as psutil's cpu_percent. */
  current_cpu_usage: number;
  /** Resident set size in bytes. */
  current_memory_usage: number;
}

/** Users by class name: the master's dispatch, and what the worker runs. */
export type UserClassesCount = Record<string, number>;

export interface SpawningCompleteData {
  user_classes_count: UserClassesCount;
  user_count: number;
}

export interface StatsData extends StatsReport, SpawningCompleteData {}

export interface ExceptionData {
  msg: string;
  traceback: string;
}

/** A spawn job (MasterRunner.start): the worker's target users, not a difference. */
export interface SpawnData {
  /** Epoch seconds; a job not newer than the last one is discarded. */
  timestamp: number;
  user_classes_count: UserClassesCount;
  host: string | null;
  stop_timeout: number | null;
}

export function encodeMessage(type: string, data: unknown, nodeId: string): Uint8Array {
  return pack([type, data ?? null, nodeId]);
}

export function decodeMessage(bytes: Uint8Array): Message {
  const decoded = unpack(bytes);
  if (!Array.isArray(decoded) || decoded.length !== 3 || typeof decoded[0] !== 'string') {
    throw new Error('not a Locust message: expected [type, data, node_id]');
  }
  const [type, data, nodeId] = decoded as [string, unknown, unknown];
  return { type, data, nodeId: String(nodeId ?? '') };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Checks a spawn job's fields (parsed_options and others are not used by our workers). */
export function parseSpawn(data: unknown): SpawnData {
  if (!isRecord(data)) throw new Error('spawn: expected a map');
  const { timestamp, user_classes_count: counts, host, stop_timeout } = data;
  if (typeof timestamp !== 'number') throw new Error('spawn: no timestamp');
  if (!isRecord(counts) || !Object.values(counts).every((n) => Number.isInteger(n))) {
    throw new Error('spawn: user_classes_count must map class names to counts');
  }
  return {
    timestamp,
    user_classes_count: counts as UserClassesCount,
    host: typeof host === 'string' && host !== '' ? host : null,
    stop_timeout: typeof stop_timeout === 'number' ? stop_timeout : null,
  };
}
