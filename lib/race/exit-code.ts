// Go's race detector exits with status 66 when it found a race; `GORACE="exitcode=N"` changes
// that. GORACE holds space-separated name=value options; only `exitcode` is read here, and a
// value that is no exit status (not an integer from 0 to 255) is ignored.

export const RACE_EXIT_CODE = 66;

export function raceExitCode(env: NodeJS.ProcessEnv = process.env): number {
  for (const option of (env.GORACE ?? '').split(' ')) {
    const [name, value] = option.split('=');
    if (name !== 'exitcode' || !value) continue;
    const code = Number(value);
    if (Number.isInteger(code) && code >= 0 && code <= 255) return code;
  }
  return RACE_EXIT_CODE;
}

/** The status a program run under the detector ends with. */
export function exitStatus(racesFound: number, env: NodeJS.ProcessEnv = process.env): number {
  return racesFound > 0 ? raceExitCode(env) : 0;
}
