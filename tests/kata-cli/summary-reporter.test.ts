// The end of plain `npx vitest`: the compact lines per spec file, then one line per kata in the
// manifest's order and the progress line. In process, on a temporary root, with the shapes
// vitest hands a reporter (only the fields the reporter reads).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { TestModule, TestSpecification, Vitest } from 'vitest/node';
import KataSummaryReporter from '../../lib/kata-cli/summary-reporter.ts';
import { katas } from '../../lib/target/manifest.ts';

interface FakeTest {
  name: string;
  state: 'passed' | 'failed';
  message?: string;
  at?: string;
}

let root = '';
let printed = '';

function fakeModule(file: string, tests: FakeTest[]): TestModule {
  const moduleId = join(root, file);
  return {
    moduleId,
    errors: () => [],
    children: {
      allTests: () =>
        tests.map((test) => ({
          fullName: `experiment > ${test.name}`,
          options: { mode: 'run' },
          result: () => ({
            state: test.state,
            errors: test.message
              ? [
                  {
                    name: 'AssertionError',
                    message: test.message,
                    // A shared assertion first: the line names the spec or the learner's code.
                    stacks: [
                      { file: join(root, 'tests/support/misuse.ts'), line: 28, column: 5 },
                      { file: join(root, test.at ?? file), line: 7, column: 3 },
                    ],
                  },
                ]
              : [],
          }),
        })),
      allSuites: () => [],
    },
  } as unknown as TestModule;
}

const specsOf = (modules: TestModule[]) =>
  modules.map((module) => ({ moduleId: module.moduleId })) as unknown as TestSpecification[];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kata-summary-'));
  for (const dir of ['tests/01-lost-updates', 'tests/03-mutex', 'katas/03-mutex']) {
    mkdirSync(join(root, dir), { recursive: true });
  }
  writeFileSync(join(root, 'tests/01-lost-updates/counter.test.ts'), '');
  writeFileSync(join(root, 'tests/03-mutex/lock.test.ts'), '');
  writeFileSync(join(root, 'katas/03-mutex/lock.ts'), '');
  // The learner's target, and hang records in a folder of this spec's own.
  vi.stubEnv('KATA_TARGET', 'katas');
  vi.stubEnv('KATA_SUBSTITUTE', '');
  vi.stubEnv('KATA_HANG_DIR', join(root, 'hangs'));
  printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(root, { recursive: true, force: true });
});

it('prints two lines per failure, then every kata in order and one progress line', () => {
  const reporter = new KataSummaryReporter({ compact: true });
  const modules = [
    fakeModule('tests/01-lost-updates/counter.test.ts', [
      { name: 'ends at 50,000', state: 'passed' },
    ]),
    fakeModule('tests/03-mutex/lock.test.ts', [
      { name: 'one holder', state: 'passed' },
      {
        name: 'makes B wait',
        state: 'failed',
        message: 'B got the lock while A held it\nexpected [A, B]',
        at: 'katas/03-mutex/lock.ts',
      },
    ]),
  ];
  reporter.onInit({ config: { root } } as unknown as Vitest);
  reporter.onTestRunStart(specsOf(modules));
  for (const module of modules) reporter.onTestModuleEnd(module);
  reporter.onTestRunEnd(modules);

  const lines = printed.split('\n');
  expect(lines).toContain(' ✓ tests/01-lost-updates/counter.test.ts (1/1)');
  expect(lines).toContain(' ✗ tests/03-mutex/lock.test.ts (1/2)');
  expect(lines).toContain('     × experiment › makes B wait');
  expect(lines, 'the first line of the message, and where in the learner code').toContain(
    '       B got the lock while A held it  (katas/03-mutex/lock.ts:7:3)',
  );
  const table = lines.slice(lines.indexOf('Katas (your code in katas/):') + 1);
  const ids = table.map((line) => /^ [ ·] (\d\d-\S+)/.exec(line)?.[1]).filter(Boolean);
  expect(ids, 'one line per kata, in the manifest order').toEqual(katas.map((kata) => kata.id));
  expect(table[0]).toMatch(/^ {3}01-lost-updates +green$/);
  expect(table[2]).toMatch(/^ {3}03-mutex +red: 1 of 2 specs failing — AssertionError: B got/);
  expect(table[1], 'a kata this run did not include').toMatch(/^ · 02-map-writes +unknown/);
  expect(printed).toContain(`katas: 1/${katas.length} green — next: 02-map-writes (npm run kata)`);
  // Remembered for `npm run kata -- list`: green only because every spec file of 01 ran.
  const remembered = JSON.parse(readFileSync(join(root, '.verify/kata-results.json'), 'utf8'));
  expect(Object.keys(remembered)).toEqual(expect.arrayContaining(['01-lost-updates', '03-mutex']));
});

it('names a spec file the watchdog stopped, and counts it as failed', () => {
  const reporter = new KataSummaryReporter({ compact: true });
  const modules = [fakeModule('tests/03-mutex/lock.test.ts', [])];
  reporter.onInit({ config: { root } } as unknown as Vitest);
  reporter.onTestRunStart(specsOf(modules));
  mkdirSync(join(root, 'hangs'), { recursive: true });
  const message =
    'your code blocked the event loop for 5 s in tests/03-mutex/lock.test.ts › experiment › makes B wait';
  writeFileSync(
    join(root, 'hangs', '1.json'),
    JSON.stringify({
      file: 'tests/03-mutex/lock.test.ts',
      spec: 'experiment › makes B wait',
      runName: '',
      blockedMs: 5000,
      message,
    }),
  );
  reporter.onTestRunEnd(modules);
  expect(printed).toContain(`HANG ${message}`);
  expect(printed).toMatch(/ {2}03-mutex +red: 1 of 1 specs failing — HangError: your code blocked/);
});
