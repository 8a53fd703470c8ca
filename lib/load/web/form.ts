// The Start form, checked on the server: the page may say anything, so every field is parsed
// here, and a scenario can only be one the command line offered (a form never names a module
// to import).
import { formatDuration, parseDuration } from '../units.ts';
import type { SwarmForm } from './protocol.ts';

export interface ScenarioChoice {
  /** The module's path as shown, and the select's value. */
  path: string;
  /** Its absolute path, for the run. */
  file: string;
  /** The scenario's own name. */
  name: string;
}

export interface SwarmSettings {
  host: string;
  users: number;
  spawnRate: number;
  /** Infinity: until Stop. */
  runTimeMs: number;
  scenario: ScenarioChoice;
}

export class FormError extends Error {}

/** The command line's values as the form's defaults. */
export function formDefaults(settings: Omit<SwarmSettings, 'scenario'> & { scenario: string }) {
  return {
    host: settings.host,
    users: String(settings.users),
    spawnRate: String(settings.spawnRate),
    runTime: Number.isFinite(settings.runTimeMs) ? formatDuration(settings.runTimeMs) : '',
    scenario: settings.scenario,
  } satisfies SwarmForm;
}

export function parseSwarmForm(
  form: Partial<SwarmForm>,
  scenarios: ScenarioChoice[],
): SwarmSettings {
  const text = (field: keyof SwarmForm) => String(form[field] ?? '').trim();
  const host = text('host').replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new FormError(`Host: not a URL: "${host}" (try http://127.0.0.1:8080)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FormError(`Host: http or https only, got ${url.protocol}`);
  }
  const users = Number(text('users'));
  if (!Number.isInteger(users) || users < 1) {
    throw new FormError(`Number of users: an integer ≥ 1, got "${text('users')}"`);
  }
  const spawnRate = Number(text('spawnRate'));
  if (!(spawnRate > 0)) {
    throw new FormError(`Spawn rate: a positive number, got "${text('spawnRate')}"`);
  }
  let runTimeMs = Number.POSITIVE_INFINITY;
  if (text('runTime') !== '') {
    try {
      runTimeMs = parseDuration(text('runTime'));
    } catch (error) {
      throw new FormError(`Run time: ${(error as Error).message}`);
    }
    if (!(runTimeMs > 0)) throw new FormError('Run time: must be positive (empty: until Stop)');
  }
  const scenario = scenarios.find((choice) => choice.path === text('scenario'));
  if (!scenario) throw new FormError(`Scenario: not one of the offered scenarios`);
  return { host, users, spawnRate, runTimeMs, scenario };
}
