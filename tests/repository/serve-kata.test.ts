// `npm run serve -- --kata` serves the learner's kata 09 from katas/, through the switch: a
// substituted app module (KATA_SUBSTITUTE) must be the one answering on 127.0.0.1.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/target/target.ts';
import { MARK } from './fixtures/app.marked.ts';

// Bounded, with room for a crowded machine (tsx compiles the service before it listens).
const STARTUP_MS = 30_000;
let child: ChildProcess | undefined;

/** Starts `scripts/serve.ts args…`; resolves to the URL it prints, or rejects with its output. */
function serve(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = server;
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => reject(new Error(`${why}; serve printed:\n${output}`));
    const timer = setTimeout(() => fail(`no "listening on" within ${STARTUP_MS} ms`), STARTUP_MS);
    const read = (chunk: Buffer) => {
      output += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => {
      clearTimeout(timer);
      fail(`serve exited (${code}) before listening`);
    });
  });
}

afterAll(async () => {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const forced = setTimeout(() => child?.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
});

describe('npm run serve -- --kata', () => {
  it(
    'serves the album app the switch picks',
    async () => {
      const substitute = join(repoRoot, 'tests/repository/fixtures/app.marked.ts');
      const url = await serve(['--kata', '--port', '0'], {
        KATA_SUBSTITUTE: `09-album-service/app=${substitute}`,
      });
      const response = await fetch(`${url}/albums`, { signal: AbortSignal.timeout(5_000) });
      expect(response.status).toBe(200);
      expect(response.headers.get(MARK), 'the app module did not come from the switch').toBe(
        'substitute',
      );
      expect(Array.isArray(await response.json())).toBe(true);
    },
    STARTUP_MS + 10_000,
  );
});
