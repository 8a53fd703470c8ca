/** The load command's exit codes (also printed by `--help`). */
export const EXIT_CODES = {
  /** The run completed and every threshold held. */
  ok: 0,
  /** The run could not start or crashed (bad scenario, worker error). */
  error: 1,
  /** Invalid command-line arguments. */
  usage: 2,
  /** At least one --threshold was breached (k6 uses 99 too). */
  thresholds: 99,
  /** Stopped by Ctrl-C (SIGINT) or SIGTERM; the reports were still written. */
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  ${EXIT_CODES.ok}    the run completed and every threshold held
  ${EXIT_CODES.error}    the run could not start or crashed (bad scenario, worker error)
  ${EXIT_CODES.usage}    invalid arguments
  ${EXIT_CODES.thresholds}   a --threshold was breached (the report says which)
  ${EXIT_CODES.interrupted}  interrupted by Ctrl-C or SIGTERM (reports written; takes precedence over ${EXIT_CODES.thresholds})`;
