import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../../lib/load/exit-codes.ts';
import { albumServiceForSpecs } from './album-server.ts';
import { CLI_SPEC_TIMEOUT_MS, runCli } from './cli-process.ts';

const service = albumServiceForSpecs();
const { dir } = service;

describe('Ctrl-C during npm run load', { timeout: CLI_SPEC_TIMEOUT_MS }, () => {
  it('stops a 1-minute run cleanly, still prints the table and writes the reports, exit 130', async () => {
    const prefix = join(dir, 'stopped');
    const { code, stdout, stderr } = await runCli(
      [
        '--host',
        service.url,
        '--users',
        '5',
        '--run-time',
        '1m',
        '--csv',
        prefix,
        '--html',
        `${prefix}.html`,
      ],
      { interruptWhen: /req\/s/ },
    );
    expect(stderr).toMatch(/Stopping: writing the reports/);
    expect(code).toBe(EXIT_CODES.interrupted);
    expect(stdout).toMatch(/Aggregated/);
    expect(stdout).toMatch(/WARNING: Interrupted after \d+s of 1m/);
    for (const suffix of ['_stats.csv', '_stats_history.csv', '_failures.csv', '.html']) {
      expect(existsSync(`${prefix}${suffix}`)).toBe(true);
    }
  });
});
