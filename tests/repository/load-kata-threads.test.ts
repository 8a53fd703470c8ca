// `npm run load -- --kata --workers 2` runs kata 10's code from katas/ in every thread: a
// substituted stats module (the learner's StatsEntry, stamping the serializing thread) must
// be what both workers record with and what the coordinator merges with.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/target/target.ts';
import { CLI_SPEC_TIMEOUT_MS, runCli } from '../load-tool/cli-process.ts';
import { type LoopbackServer, listenOnLoopback } from '../support/http-server.ts';
import { STAMP } from './fixtures/stats.thread-stamp.ts';

const fixtures = join(repoRoot, 'tests/repository/fixtures');

let service: LoopbackServer;
beforeAll(async () => {
  service = await listenOnLoopback((_req, res) => res.end('ok'));
});
afterAll(() => service.close());

describe('npm run load -- --kata --workers 2', { timeout: CLI_SPEC_TIMEOUT_MS }, () => {
  it('records with the switch’s stats module in every worker thread and merges with it', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        '--kata',
        '--workers',
        '2',
        '--users',
        '2',
        '--spawn-rate',
        '100',
        '--run-time',
        '1s',
        '--host',
        service.url,
        '--scenario',
        join(fixtures, 'paced-get.ts'),
      ],
      {
        env: {
          KATA_SUBSTITUTE: `10-load-tester/stats=${join(fixtures, 'stats.thread-stamp.ts')}`,
        },
      },
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/2 worker threads, your kata 10 statistics/);
    const stamps = [...stderr.matchAll(new RegExp(`${STAMP} (\\d+), read in thread (\\d+)`, 'g'))];
    const writers = new Set(stamps.map((match) => Number(match[1])));
    const readers = new Set(stamps.map((match) => Number(match[2])));
    // Two worker threads serialized with the substitute; the main thread (0) read both.
    const workers = [...writers].filter((id) => id !== 0);
    expect(workers, `worker threads that recorded with the substitute:\n${stderr}`).toHaveLength(2);
    expect(readers, 'threads that merged with the substitute').toEqual(new Set([0]));
    expect(stdout).toMatch(/^GET +\/ +[1-9]\d* /m);
  });
});
