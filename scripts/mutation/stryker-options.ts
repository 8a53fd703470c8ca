// Stryker's options for one kata. The kata's reference is mutated, plus the lib/ files its
// lesson depends on: a new kata adds one line to `lessonLib`.
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';

/** lib/ files whose behaviour a kata's specs must pin down, by kata id. */
export const lessonLib: Record<string, string[]> = {
  '01-lost-updates': ['lib/store/async-store.ts'],
  // Not the shared hash map: it is the victim, not the lesson (tests/repository/ specs it),
  // and instrumenting its probe loop slows the thread specs past their deadlines.
  '02-map-writes': ['lib/shared-memory/concurrent-map-writes.ts'],
  '03-mutex': ['lib/shared-memory/shared-words.ts'],
  '04-rwmutex': ['lib/shared-memory/shared-words.ts'],
  '05-concurrent-map': ['lib/shared-memory/striped-buffer.ts'],
  '06-buffered-writer': ['lib/io/buffer-size.ts', 'lib/io/short-write-error.ts', 'lib/io/sinks.ts'],
  '07-channels': ['lib/channels/ping-pong-async.ts'],
  // The instrumentation the detector's verdicts rest on: the synchronization edges, the store's
  // accesses, the report. Not site.ts (V8 stack plumbing), at-exit.ts, http.ts,
  // album-service.ts (process and server glue, specced by running them).
  '08-race-detector': [
    'lib/race/exit-code.ts',
    'lib/race/turns.ts',
    'lib/race/report.ts',
    'lib/race/tracked-store.ts',
    'lib/race/tracked-sync.ts',
  ],
  '09-album-service': ['lib/album/album-store.ts', 'lib/album/album-table.ts'],
  '10-load-tester': [],
  '11-scaling': ['lib/scaling/points.ts'],
};

export const reportDir = (kataId: string) => `out/mutation/${kataId.slice(0, 2)}`;

export function strykerOptions(kataId: string, concurrency: number): PartialStrykerOptions {
  const lib = lessonLib[kataId];
  if (!lib) {
    throw new Error(`scripts/mutation/stryker-options.ts has no lessonLib line for ${kataId}`);
  }
  return {
    testRunner: 'vitest',
    // The vitest runner asks vitest for the specs "related" to a mutated file; a worker's
    // import through the kata switch is invisible to that, so it would skip thread specs.
    vitest: { configFile: 'scripts/mutation/vitest.config.ts', related: false },
    checkers: ['typescript'],
    tsconfigFile: 'tsconfig.json',
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    mutate: [`solutions/${kataId}/**/*.ts`, ...lib],
    coverageAnalysis: 'perTest',
    concurrency,
    // Thread specs on a busy 2-core machine vary a lot; a slow mutant is not a hung one.
    timeoutMS: 15_000,
    timeoutFactor: 2,
    ignorePatterns: ['out', 'coverage', '.verify', '*.log'],
    reporters: ['progress', 'html', 'json'],
    htmlReporter: { fileName: `${reportDir(kataId)}/index.html` },
    jsonReporter: { fileName: `${reportDir(kataId)}/mutation.json` },
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
    plugins: ['@stryker-mutator/vitest-runner', '@stryker-mutator/typescript-checker'],
  };
}
