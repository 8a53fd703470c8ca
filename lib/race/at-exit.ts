// A whole program under the detector, as `go run -race` runs one: reports go to stderr as
// they are found (checked every REPORT_EVERY_MS), `Found N data race(s)` when the process
// exits, and the exit status becomes 66 (or GORACE's exitcode) if there was any race.

import { RaceReporter } from './report.ts';
import type { RaceRuntime } from './runtime.ts';

const REPORT_EVERY_MS = 250;

export function reportUntilExit(runtime: RaceRuntime): RaceReporter {
  const reporter = new RaceReporter(runtime, (text) => process.stderr.write(text));
  const timer = setInterval(() => reporter.flush(), REPORT_EVERY_MS);
  timer.unref();
  process.once('exit', () => {
    clearInterval(timer);
    const status = reporter.finish();
    if (status !== 0) process.exitCode = status;
  });
  return reporter;
}
