// `npm run load -- --web`: the web UI instead of a headless run. The command line's host,
// users, spawn rate, run time and scenario become the form's defaults; the rest (workers,
// seed, client, thresholds, --csv/--html) applies to every run started from the page. It
// serves until Ctrl-C, which stops a run in progress (its files are still written).
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_CODES } from '../exit-codes.ts';
import { loadScenario } from '../scenario.ts';
import { formDefaults, type ScenarioChoice } from './form.ts';
import { startWebServer } from './server.ts';
import { type WebRunBase, WebSession } from './session.ts';

const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

export interface WebUiOptions extends WebRunBase {
  webHost: string;
  webPort: number;
  /** Form defaults. */
  host: string;
  users: number;
  spawnRate: number;
  runTimeMs: number;
  /** The scenario module the form selects first; the repository's scenarios are offered too. */
  scenario: string;
}

/** The command line's scenario first, then the repository's own, each loaded for its name. */
async function scenarioChoices(first: string): Promise<ScenarioChoice[]> {
  const files = [
    resolve(first),
    ...readdirSync(SCENARIOS_DIR)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(SCENARIOS_DIR, file)),
  ];
  const choices: ScenarioChoice[] = [];
  for (const file of new Set(files)) {
    const { name } = await loadScenario(file);
    choices.push({ file, name, path: relative(process.cwd(), file) || file });
  }
  return choices;
}

export async function serveWebUi(
  options: WebUiOptions,
  io: { stderr: NodeJS.WritableStream; signal?: AbortSignal },
): Promise<number> {
  const scenarios = await scenarioChoices(options.scenario);
  const log = (line: string) => io.stderr.write(`${line}\n`);
  const session = new WebSession(
    formDefaults({ ...options, scenario: scenarios[0]!.path }),
    scenarios,
    options,
    log,
  );
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    server = await startWebServer(session, { host: options.webHost, port: options.webPort });
  } catch (error) {
    log(
      `cannot serve the web UI on ${options.webHost}:${options.webPort}: ${(error as Error).message}`,
    );
    return EXIT_CODES.error;
  }
  log(`Web UI: ${server.url} (Ctrl-C to quit)`);
  await new Promise<void>((done) => {
    if (!io.signal || io.signal.aborted) return done();
    io.signal.addEventListener('abort', () => done(), { once: true });
  });
  const interrupted = session.running;
  await session.close();
  await server.close();
  return interrupted ? EXIT_CODES.interrupted : EXIT_CODES.ok;
}
