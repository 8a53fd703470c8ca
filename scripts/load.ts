// `npm run load -- --host http://127.0.0.1:8080 …` (see `npm run load -- --help`).
// Ctrl-C stops the run and still writes the reports; a second Ctrl-C quits at once.
import { main } from '../lib/load/cli.ts';
import { EXIT_CODES } from '../lib/load/exit-codes.ts';

const stop = new AbortController();
let signals = 0;
const onSignal = () => {
  signals++;
  if (signals > 1) process.exit(EXIT_CODES.interrupted);
  process.stderr.write('\nStopping: writing the reports (Ctrl-C again to quit at once)\n');
  stop.abort();
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: stop.signal,
});
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
