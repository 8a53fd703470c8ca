// Go's report, line by line, and its exit status: 66 when a race was found, GORACE's
// exitcode if set, 0 when none was.
import { describe, expect, it } from 'vitest';
import { type Increment, raceCounterDemo } from '../../lib/race/counter-demo.ts';
import { exitStatus, RACE_EXIT_CODE, raceExitCode } from '../../lib/race/exit-code.ts';
import { formatRace, formatSummary, type RaceRecord } from '../../lib/race/report.ts';
import { increment } from '../../solutions/01-lost-updates/increment.ts';
import { naiveIncrement } from './naive-counter.ts';
import { newRace } from './under-race.ts';

const record: RaceRecord = {
  location: 'store:hits',
  current: {
    kind: 'write',
    task: 3,
    frames: [{ fn: 'naiveIncrement', where: 'tests/08-race-detector/naive-counter.ts:6' }],
    createdAt: [{ fn: 'runCounter', where: 'lib/race/counter-demo.ts:30' }],
    finished: false,
  },
  previous: {
    kind: 'read',
    task: 2,
    frames: [{ fn: 'naiveIncrement', where: 'tests/08-race-detector/naive-counter.ts:5' }],
    createdAt: [],
    finished: true,
  },
};

describe('the report, in the shape of Go’s', () => {
  it('names both accesses, both tasks, their frames and where each task was started', () => {
    expect(formatRace(record)).toBe(
      [
        '==================',
        'WARNING: DATA RACE',
        'Write at store:hits by task 3:',
        '  naiveIncrement()',
        '      tests/08-race-detector/naive-counter.ts:6',
        '',
        'Previous read at store:hits by task 2:',
        '  naiveIncrement()',
        '      tests/08-race-detector/naive-counter.ts:5',
        '',
        'Task 3 (running) created at:',
        '  runCounter()',
        '      lib/race/counter-demo.ts:30',
        '',
        'Task 2 (finished) created at:',
        '  <no frame inside the project>',
        '==================',
        '',
      ].join('\n'),
    );
  });

  it('calls task 0 the main task, and prints no creation for it', () => {
    const text = formatRace({ ...record, previous: { ...record.previous, task: 0 } });
    expect(text).toContain('Previous read at store:hits by main task:');
    expect(text).not.toContain('Task 0');
  });

  it('ends with the count', () => {
    expect(formatSummary(2)).toBe('Found 2 data race(s)\n');
  });
});

describe('exit status', () => {
  it('is 66 with races, 0 without', () => {
    expect(RACE_EXIT_CODE).toBe(66);
    expect(exitStatus(2, {})).toBe(66);
    expect(exitStatus(0, {})).toBe(0);
    expect(exitStatus(0, { GORACE: 'exitcode=3' })).toBe(0);
  });

  it('GORACE=exitcode=N changes it; only exitcode is read', () => {
    expect(raceExitCode({ GORACE: 'exitcode=3' })).toBe(3);
    expect(raceExitCode({ GORACE: 'halt_on_error=1 exitcode=0 log_path=/tmp/x' })).toBe(0);
    expect(raceExitCode({ GORACE: 'halt_on_error=1' })).toBe(66);
    expect(raceExitCode({ GORACE: 'exitcode=255' })).toBe(255);
    expect(raceExitCode({ GORACE: 'exitcode=1 exitcode=2' })).toBe(1);
    expect(raceExitCode({ GORACE: 'log_path=x exitcode=4' })).toBe(4);
    for (const ignored of ['exitcode=256', 'exitcode=-1', 'exitcode=1.5', 'exitcode=abc']) {
      expect(raceExitCode({ GORACE: ignored }), ignored).toBe(66);
    }
    for (const ignored of ['exitcode=', 'exitcode', 'exit_code=3', '']) {
      expect(raceExitCode({ GORACE: ignored }), ignored).toBe(66);
    }
    expect(raceExitCode({})).toBe(66);
  });
});

describe('npm run race -- 01 (a smaller counter, in process)', () => {
  const run = async (fn: Increment, env: NodeJS.ProcessEnv = {}) => {
    let out = '';
    const status = await raceCounterDemo(newRace(), fn, (text) => (out += text), env, 10, 20);
    return { status, out };
  };

  it('the naive counter: two reports, the count, exit 66', async () => {
    const { status, out } = await run(naiveIncrement);
    const warnings = out.match(/WARNING: DATA RACE/g)?.length ?? 0;
    expect(
      warnings,
      `the naive counter must print 2 WARNING: DATA RACE reports (read/write and write/write), ` +
        `as go run -race does; it printed ${warnings}:\n${out}`,
    ).toBe(2);
    expect(out, 'the run must end with the count of races, as Go does').toContain(
      'Found 2 data race(s)',
    );
    expect(status, `a run that found races must exit 66, as Go does:\n${out}`).toBe(66);
  });

  it('GORACE=exitcode=1: exit 1', async () => {
    expect(
      (await run(naiveIncrement, { GORACE: 'exitcode=1' })).status,
      'GORACE=exitcode=1 sets the exit status of a run that found races',
    ).toBe(1);
  });

  it('the reference incr: no report, exit 0', async () => {
    const { status, out } = await run(increment);
    expect(out).toBe('counter: 200 of 200\n');
    expect(status).toBe(0);
  });
});
