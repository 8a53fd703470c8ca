import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/load/cli.ts';
import { FAILURES_HEADER, HISTORY_HEADER, STATS_HEADER } from '../../lib/load/csv.ts';
import { EXIT_CODES } from '../../lib/load/exit-codes.ts';
import { parseLocustCsv, prefixProblems } from '../support/locust-csv.ts';
import { albumServiceForSpecs } from './album-server.ts';
import { CLI_SPEC_TIMEOUT_MS, runCli } from './cli-process.ts';

const service = albumServiceForSpecs();
const { dir } = service;

/** The command in this process, its output captured. */
async function mainWithOutput(args: string[]) {
  let stdout = '';
  let stderr = '';
  const stream = (append: (text: string) => void) =>
    ({
      write: (text: string) => {
        append(text);
        return true;
      },
      isTTY: false,
    }) as unknown as NodeJS.WriteStream;
  const code = await main(args, {
    stdout: stream((text) => {
      stdout += text;
    }),
    stderr: stream((text) => {
      stderr += text;
    }),
  });
  return { code, stdout, stderr };
}

const csvRows = (file: string) => {
  const { header, rows } = parseLocustCsv(readFileSync(file, 'utf8'), file);
  return [header, ...rows];
};

describe('npm run load (a real process against the reference album service)', {
  timeout: CLI_SPEC_TIMEOUT_MS,
}, () => {
  it('runs 2 worker threads, merges them, writes Locust CSVs and an offline HTML report, and exits 99 on a breached threshold', async () => {
    const prefix = join(dir, 'run');
    const { code, stdout, stderr } = await runCli([
      '--host',
      service.url,
      '--users',
      '4',
      '--spawn-rate',
      '100',
      '--run-time',
      '1.5s',
      '--workers',
      '2',
      '--threshold',
      'p95<0.001',
      '--threshold',
      'fail<1%',
      '--csv',
      prefix,
      '--html',
      `${prefix}.html`,
    ]);
    expect(stderr).toMatch(/2 worker threads/);
    expect(code).toBe(EXIT_CODES.thresholds);
    expect(stdout).toMatch(/BREACH\s+p95<0\.001/);
    expect(stdout).toMatch(/ok\s+fail<1%/);

    const stats = csvRows(`${prefix}_stats.csv`);
    expect(stats[0]).toEqual(STATS_HEADER);
    const names = stats.slice(1).map(([type, name]) => `${type} ${name}`);
    expect(names).toEqual(['GET /albums', 'POST /albums', 'GET /albums/:id', ' Aggregated']);
    // The Aggregated row is the merge of the others: counts add up.
    const counts = stats.slice(1).map((row) => Number(row[2]));
    expect(counts[3]).toBe(counts[0]! + counts[1]! + counts[2]!);
    expect(counts[3]).toBeGreaterThan(8);

    const history = csvRows(`${prefix}_stats_history.csv`);
    expect(history[0]).toEqual(HISTORY_HEADER);
    expect(history.length - 1).toBeGreaterThanOrEqual(2);
    expect(csvRows(`${prefix}_failures.csv`)).toEqual([FAILURES_HEADER]);
    expect(prefixProblems(prefix), "Locust 2.12.1's format").toEqual([]);

    const html = readFileSync(`${prefix}.html`, 'utf8');
    expect(html).toMatch(/<script type="application\/json" id="chart-data">\[\{"id":"rps"/);
    expect(html).not.toMatch(/<script[^>]+src=|<link|<img|url\(|(src|href)="https?:/);
  });

  it('prints the exit codes in --help, and exits 2 on a bad argument', async () => {
    const help = await mainWithOutput(['--help']);
    expect(help.code).toBe(EXIT_CODES.ok);
    expect(help.stdout).toMatch(
      /Exit codes:[\s\S]*99 +a --threshold was breached[\s\S]*130 +interrupted/,
    );
    const bad = await mainWithOutput(['--host', service.url, '--users', '0']);
    expect(bad.code).toBe(EXIT_CODES.usage);
    expect(bad.stderr).toMatch(/--users.*integer ≥ 1/);
  });
});
