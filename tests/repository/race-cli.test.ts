// `npm run race -- 01` as a user runs it: a separate process, Go's report on stderr, exit 66.
// One small run (50 tasks × 20 increments), so the process costs its start-up and little more.
import { describe, expect, it } from 'vitest';
import { RACE_EXIT_CODE } from '../../lib/race/exit-code.ts';
import { CLI_SPEC_TIMEOUT_MS, runCli } from '../load-tool/cli-process.ts';

describe('npm run race -- 01 (the naive counter under the reference detector)', () => {
  it(
    'prints WARNING: DATA RACE with both lines, then Found 2 data race(s), and exits 66',
    async () => {
      const { code, stdout, stderr } = await runCli(['01', '--times', '20'], {
        script: 'race.ts',
        env: { GORACE: '' },
      });
      const output = `exit ${code}\nstdout:\n${stdout}\nstderr:\n${stderr}`;
      expect(code, output).toBe(RACE_EXIT_CODE);
      expect(stderr.match(/^WARNING: DATA RACE$/gm), output).toHaveLength(2);
      expect(stderr, output).toMatch(/^Write at store:hits by task \d+:$/m);
      expect(stderr, output).toMatch(/^Previous read at store:hits by task \d+:$/m);
      expect(stderr, output).toMatch(/^ {6}tests\/08-race-detector\/naive-counter\.ts:\d+$/m);
      expect(stderr, output).toMatch(/^Task \d+ \((running|finished)\) created at:$/m);
      expect(stderr, output).toMatch(/^Found 2 data race\(s\)$/m);
      expect(stderr, output).toContain('counter: 20 of 1,000');
    },
    CLI_SPEC_TIMEOUT_MS,
  );
});
