// Our CSV files in Locust 2.12.1's format: parsed with a real CSV parser (csv-parse) and held to
// the schema that real Locust files (fixtures/locust-2.12.1, written by Debian's python3-locust on
// this repository's album service) also meet. CI compares the two again with a fresh Locust run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSV_EOL, pythonFloat, writeCsvFiles } from '../../lib/load/csv.ts';
import { buildReport, type Report } from '../../lib/load/report.ts';
import { defineScenario, task } from '../../lib/load/scenario.ts';
import { constant } from '../../lib/load/wait.ts';
import {
  LOCUST_FILES,
  type LocustFile,
  parseLocustCsv,
  prefixProblems,
  shapeProblems,
} from '../support/locust-csv.ts';
import { fakeRunDefaults, runInFakeTime, useFakeClock } from './fake-time.ts';

const fixtures = join(import.meta.dirname, 'fixtures/locust-2.12.1');
const dir = mkdtempSync(join(tmpdir(), 'locust-csv-'));

const server = setupServer(
  http.get(`${fakeRunDefaults.host}/albums`, async () => {
    await delay(12);
    return HttpResponse.json([{ id: 1, title: 'Jeru, live' }]);
  }),
  http.get(`${fakeRunDefaults.host}/albums/:id`, async () => {
    await delay(3);
    return new HttpResponse('no such album', { status: 404 });
  }),
);

/** Locust's fixture scenario: a list, a missing album (a failure) and a task that throws. */
const scenario = defineScenario({
  name: 'csv',
  wait: constant(0.05),
  state: () => undefined,
  tasks: [
    task(3, 'list', async (user) => {
      await user.client.get('/albums');
    }),
    task(1, 'missing', async (user) => {
      await user.client.get('/albums/999999', { name: '/albums/:id' });
    }),
    task(1, 'boom', () => {
      throw new Error('boom, with a comma');
    }),
  ],
});

let report: Report;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  useFakeClock();
  try {
    const options = { ...fakeRunDefaults, scenario, users: 4, runTimeMs: 3_000 };
    const result = await runInFakeTime(options);
    report = buildReport({ ...options, scenario: 'csv' }, result, []);
  } finally {
    vi.useRealTimers();
  }
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = (prefix: string, file: LocustFile) =>
  parseLocustCsv(readFileSync(`${prefix}${LOCUST_FILES[file].suffix}`, 'utf8'), file);

describe("the schema of Locust 2.12.1's CSV files", () => {
  it("is met by real Locust's files", () => {
    for (const file of Object.keys(LOCUST_FILES) as LocustFile[]) {
      const text = readFileSync(join(fixtures, `${LOCUST_FILES[file].suffix.slice(1)}`), 'utf8');
      expect(shapeProblems(file, text, file)).toEqual([]);
    }
  });

  it('rejects LF line endings, a float count and a missing time-0 row', () => {
    const stats = readFileSync(join(fixtures, 'stats.csv'), 'utf8');
    expect(shapeProblems('stats', stats.replaceAll('\r\n', '\n'), 'lf').join()).toMatch(/CRLF/);
    const floatCount = stats.replace(/^GET,\/albums,(\d+),/m, 'GET,/albums,$1.0,');
    expect(shapeProblems('stats', floatCount, 'count').join()).toMatch(/Request Count.*int/);
    const history = readFileSync(join(fixtures, 'stats_history.csv'), 'utf8');
    const noZero = history.replace(/\r\n[^\r]*?,0,,Aggregated,[^\r]*N\/A[^\r]*/, '');
    expect(shapeProblems('history', noZero, 'history').join()).toMatch(/time-0 row/);
  });
});

describe('our CSV files, in that format', () => {
  it('_stats.csv: the header, integer counts and percentiles, float times, Aggregated last', () => {
    const prefix = join(dir, 'run');
    writeCsvFiles(prefix, report);
    expect(prefixProblems(prefix)).toEqual([]);
    const { header, rows } = read(prefix, 'stats');
    expect(header).toEqual(LOCUST_FILES.stats.header);
    expect(rows.map(([type, name]) => `${type} ${name}`)).toEqual([
      'GET /albums',
      'GET /albums/:id',
      ' Aggregated',
    ]);
    const [albums, missing, total] = rows;
    const column = (name: string) => LOCUST_FILES.stats.header.indexOf(name);
    expect(Number(total![column('Request Count')])).toBe(
      Number(albums![column('Request Count')]) + Number(missing![column('Request Count')]),
    );
    expect(missing![column('Failure Count')]).toBe(missing![column('Request Count')]);
    // Locust's types: int median and percentiles, float min (12.0 here, not 12).
    expect(albums![column('Median Response Time')]).toBe('12');
    expect(albums![column('Min Response Time')]).toMatch(/^12\.\d+$/);
    expect(albums![column('95%')]).toMatch(/^\d+$/);
  });

  it('_stats_history.csv: a time-0 row, then one Aggregated row a second', () => {
    const prefix = join(dir, 'run');
    const { rows } = read(prefix, 'history');
    expect(rows[0]!.slice(1).join(',')).toBe(
      `0,,Aggregated,0.000000,0.000000,${Array(11).fill('N/A').join(',')},0,0,0,0.0,0,0,0`,
    );
    expect(Number(rows[0]![0])).toBe(Math.floor(report.result.startedAt / 1000));
    expect(rows.slice(1).every((row) => row[3] === 'Aggregated')).toBe(true);
    expect(rows.length - 1).toBe(report.result.stats.history.length);
    expect(rows.at(-1)![1]).toBe('4');
  });

  it('--csv-full-history: each second lists every request name, then Aggregated', () => {
    const prefix = join(dir, 'full');
    writeCsvFiles(prefix, report, { fullHistory: true });
    expect(prefixProblems(prefix)).toEqual([]);
    const { rows } = read(prefix, 'history');
    const seconds = report.result.stats.history.length;
    expect(rows.length).toBe(1 + 3 * seconds);
    const last = rows.slice(-3);
    expect(last.map((row) => `${row[2]} ${row[3]}`)).toEqual([
      'GET /albums',
      'GET /albums/:id',
      ' Aggregated',
    ]);
    expect(new Set(last.map((row) => row[0])).size).toBe(1);
    // The per-name rows carry their own current percentiles: /albums answers in 12 ms.
    expect(last[0]![6]).toBe('12');
    expect(last[1]![6]).toBe('3');
  });

  it('_failures.csv and _exceptions.csv: one row per kind, the traceback quoted on many lines', () => {
    const prefix = join(dir, 'run');
    expect(read(prefix, 'failures').rows).toEqual([
      ['GET', '/albums/:id', 'HTTP 404', expect.stringMatching(/^\d+$/)],
    ]);
    const text = readFileSync(`${prefix}_exceptions.csv`, 'utf8');
    const { rows } = parseLocustCsv(text, 'exceptions');
    expect(rows).toHaveLength(1);
    const [count, message, traceback, nodes] = rows[0]!;
    expect(Number(count)).toBeGreaterThan(0);
    expect(message).toBe('Error: boom, with a comma');
    expect(traceback).toMatch(/^ {4}at .*locust-csv\.test\.ts/);
    expect(traceback!.split('\n').length).toBeGreaterThan(1);
    expect(nodes).toBe('local');
    expect(text.split(CSV_EOL)).toHaveLength(3);
  });
});

describe("Python's float repr", () => {
  it.each([
    [0, '0.0'],
    [225, '225.0'],
    [9.490190306447097, '9.490190306447097'],
    [0.1 + 0.2, '0.30000000000000004'],
    [0.00001, '1e-05'],
    [0.0001, '0.0001'],
    [2.5e16, '2.5e+16'],
    [1e21, '1e+21'],
  ])('%s → %s', (value, text) => {
    expect(pythonFloat(value)).toBe(text);
  });
});
