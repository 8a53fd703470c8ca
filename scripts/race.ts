// Kata 01's counter under the race detector, as `go run -race` ran experiment A:
//
//   npm run race -- 01                  # the naive get-then-set: WARNING: DATA RACE, exit 66
//   npm run race -- 01 --impl incr      # the reference incr: exit 0
//   npm run race -- 01 --impl cas       # the reference compare-and-set loop: exit 0
//   npm run race -- 01 --impl yours     # your kata 01 increment
//   npm run race -- 01 --kata           # with your detector (katas/08-race-detector)
//   npm run race -- 01 --times 100      # 50 tasks × 100 increments (default 1,000)
//
// GORACE="exitcode=N" changes the exit status when races are found.
import { Command, InvalidArgumentError, Option } from 'commander';
import { type Increment, raceCounterDemo } from '../lib/race/counter-demo.ts';
import type { HappensBeforeDetector } from '../lib/race/detector-api.ts';
import { RaceRuntime } from '../lib/race/runtime.ts';
import type { CapturedSite } from '../lib/race/site.ts';
import { naiveIncrement } from '../tests/08-race-detector/naive-counter.ts';

const implementations: Record<string, () => Promise<Increment>> = {
  naive: async () => naiveIncrement,
  incr: async () => (await import('../solutions/01-lost-updates/increment.ts')).increment,
  cas: async () => (await import('../solutions/01-lost-updates/increment.ts')).incrementWithRetry,
  yours: async () => (await import('../katas/01-lost-updates/increment.ts')).increment,
};

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
  return n;
}

async function main(): Promise<number> {
  const program = new Command('race')
    .description("Run a kata's demo under the race detector (only 01 so far)")
    .argument('<kata>', 'the kata: 01')
    .addOption(
      new Option('--impl <name>', 'which increment')
        .choices(Object.keys(implementations))
        .default('naive'),
    )
    .option('--kata', 'use your detector (katas/08-race-detector) instead of the reference')
    .option('--times <n>', 'increments per task', (value) => positiveInteger(value), 1000)
    .parse();
  const [kata] = program.args;
  if (kata !== '01' && kata !== '01-lost-updates') {
    console.error(`no race demo for kata "${kata}" (try: npm run race -- 01)`);
    return 2;
  }
  const {
    impl,
    kata: yours,
    times,
  } = program.opts<{ impl: string; kata?: boolean; times: number }>();
  const { RaceDetector } = (await import(
    yours ? '../katas/08-race-detector/detector.ts' : '../solutions/08-race-detector/detector.ts'
  )) as { RaceDetector: new () => HappensBeforeDetector<CapturedSite> };
  const increment = await implementations[impl]!();
  console.error(
    `50 tasks × ${times.toLocaleString('en-US')} increments (${impl}) under ${yours ? 'your' : 'the reference'} detector`,
  );
  return raceCounterDemo(
    new RaceRuntime(new RaceDetector()),
    increment,
    (text) => process.stderr.write(text),
    process.env,
    50,
    times,
  );
}

process.exitCode = await main();
