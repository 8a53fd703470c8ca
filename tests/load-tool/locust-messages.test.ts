// Locust's master–worker messages as our workers write them, against the shapes read from
// Locust 2.12.1's source (locust/rpc/protocol.py, locust/runners.py, locust/stats.py). The
// expected values were computed with that Locust (Debian's python3-locust 2.12.1-1).
import { Decoder } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import {
  decodeMessage,
  encodeMessage,
  LOCUST_VERSION,
  parseSpawn,
} from '../../lib/load/locust/message.ts';
import { pack } from '../../lib/load/locust/msgpack.ts';
import { RequestStats } from '../../lib/load/locust/request-stats.ts';
import { responseTimeKey } from '../../lib/load/locust/response-time-key.ts';
import {
  ScenarioRegistry,
  UnknownUserClassError,
} from '../../lib/load/locust/scenario-registry.ts';
import { statsErrorKey } from '../../lib/load/locust/stats-error.ts';
import { getLoop } from '../../lib/load/scenario.ts';

/** StatsEntryDict.__annotations__ in locust/stats.py 2.12.1, in order. */
const STATS_ENTRY_KEYS = [
  'name',
  'method',
  'last_request_timestamp',
  'start_time',
  'num_requests',
  'num_none_requests',
  'num_failures',
  'total_response_time',
  'max_response_time',
  'min_response_time',
  'total_content_length',
  'response_times',
  'num_reqs_per_sec',
  'num_fail_per_sec',
];

/** Decodes as Python's msgpack.loads(strict_map_key=False) would, noting each map key's type. */
function decodeNotingKeys(bytes: Uint8Array): { value: unknown; numericKeys: number[] } {
  const numericKeys: number[] = [];
  const decoder = new Decoder({
    mapKeyConverter: (key) => {
      if (typeof key === 'number') numericKeys.push(key);
      return key as string | number;
    },
  });
  return { value: decoder.decode(bytes), numericKeys };
}

describe("Locust's message envelope", () => {
  it('is one msgpack array [type, data, node_id] (rpc/protocol.py Message.serialize)', () => {
    const bytes = encodeMessage('client_ready', LOCUST_VERSION, 'host_ab12');
    expect(new Decoder().decode(bytes)).toEqual(['client_ready', '2.12.1', 'host_ab12']);
    expect(bytes[0]).toBe(0x93); // a fixarray of 3, as Python's tuple
    expect(decodeMessage(encodeMessage('spawning', null, 'w'))).toEqual({
      type: 'spawning',
      data: null,
      nodeId: 'w',
    });
  });

  it('reads a spawn job as MasterRunner.start builds it', () => {
    const job = {
      timestamp: 1_790_000_000.25,
      user_classes_count: { albums: 7, hello: 0 },
      host: 'http://127.0.0.1:8080',
      stop_timeout: null,
      parsed_options: { headless: true, num_users: 7 },
    };
    const message = decodeMessage(pack(['spawn', job, 'w']));
    expect(parseSpawn(message.data)).toEqual({
      timestamp: 1_790_000_000.25,
      user_classes_count: { albums: 7, hello: 0 },
      host: 'http://127.0.0.1:8080',
      stop_timeout: null,
    });
    expect(() => parseSpawn({ ...job, user_classes_count: { albums: 'x' } })).toThrow(
      /user_classes_count/,
    );
  });
});

describe("Locust's response-time keys (stats.py _log_response_time)", () => {
  it('keeps ms below 100, then two significant digits, as the comment says', () => {
    expect([0.4, 42, 147, 3432, 58_760].map(responseTimeKey)).toEqual([0, 42, 150, 3400, 59_000]);
  });

  it("rounds ties to even, as Python's round()", () => {
    // round(2.5) == 2, round(3.5) == 4, round(99.5) == 100, round(145.0, -1) == 140.0,
    // round(155.0, -1) == 160.0, round(2450.0, -2) == 2400.0, round(12500.0, -3) == 12000.0
    expect([2.5, 3.5, 99.5, 145, 155, 2450, 12_500].map(responseTimeKey)).toEqual([
      2, 4, 100, 140, 160, 2400, 12_000,
    ]);
  });
});

describe('a stats message (stats.py on_report_to_master, runners.py _send_stats)', () => {
  const wall = () => 1_790_000_003_400; // epoch ms
  const stats = new RequestStats(wall);
  for (const ms of [1.2, 1.4, 147, 152]) stats.record('GET', '/albums', ms, 100);
  stats.record('GET', '/albums/:id', 3, 0, 'HTTP 404');
  const report = stats.report();
  const bytes = encodeMessage(
    'stats',
    { ...report, user_classes_count: { albums: 2 }, user_count: 2 },
    'w',
  );
  const { value, numericKeys } = decodeNotingKeys(bytes);
  const [, data] = value as [string, Record<string, unknown>];

  it("has Locust's StatsEntryDict keys in every entry and in the total", () => {
    const entries = data.stats as Record<string, unknown>[];
    expect(entries).toHaveLength(2);
    for (const entry of [...entries, data.stats_total as Record<string, unknown>]) {
      expect(Object.keys(entry)).toEqual(STATS_ENTRY_KEYS);
    }
    expect(data).toMatchObject({
      stats_total: { name: 'Aggregated', method: '', num_requests: 5, num_failures: 1 },
      user_classes_count: { albums: 2 },
      user_count: 2,
    });
  });

  it('keys response_times and the per-second counts by int, as a Python worker does', () => {
    const albums = (data.stats as Record<string, unknown>[])[0]!;
    expect(albums).toMatchObject({
      name: '/albums',
      method: 'GET',
      num_requests: 4,
      num_failures: 0,
      min_response_time: 1.2,
      max_response_time: 152,
      total_content_length: 400,
      start_time: 1_790_000_003.4,
      last_request_timestamp: 1_790_000_003.4,
      response_times: { 1: 2, 150: 2 },
      num_reqs_per_sec: { 1790000003: 4 },
      num_fail_per_sec: {},
    });
    // A string key ("150") would not sort with a Python worker's ints on the master.
    expect(numericKeys).toEqual(expect.arrayContaining([1, 150, 1_790_000_003]));
  });

  it('files an error under the key Locust computes (StatsError.create_key)', () => {
    const key = '97bbdf874f9038095dd7fc7d3177dd9a57ba4b5a0b24cc48e3518daebfe78b4c';
    expect(statsErrorKey('GET', '/albums', 'HTTP 404')).toBe(key);
    const error = statsErrorKey('GET', '/albums/:id', 'HTTP 404');
    expect(data.errors).toEqual({
      [error]: { method: 'GET', name: '/albums/:id', error: "'HTTP 404'", occurrences: 1 },
    });
  });

  it('starts the next interval from zero (get_stripped_report)', () => {
    const next = stats.report();
    expect(next.stats).toEqual([]);
    expect(next.stats_total.num_requests).toBe(0);
    expect(next.errors).toEqual({});
  });
});

describe('user classes and scenarios', () => {
  it('refuses a class no scenario is named after, naming the ones there are', () => {
    const registry = ScenarioRegistry.of([getLoop('hello', '/'), getLoop('albums', '/albums')]);
    expect(registry.get('hello').name).toBe('hello');
    expect(() => registry.get('AlbumUser')).toThrow(UnknownUserClassError);
    expect(() => registry.get('AlbumUser')).toThrow(
      'the master asked for user class "AlbumUser", but this worker has no scenario of that name (it has: albums, hello)',
    );
  });
});
