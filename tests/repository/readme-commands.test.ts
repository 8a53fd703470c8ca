// Every command in every README either runs here, with bounded options, or its block carries
// `<!-- not run: reason -->` just above it. A command that a learner copies must work.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../lib/target/target.ts';
import {
  copyFixtureRoot,
  fixtureEnv,
  KATA_KILL_AFTER_MS,
  learnerShellEnv,
  removeFixtureRoot,
} from '../kata-cli/fixture-root.ts';
import { runProcess } from '../support/child-process.ts';

interface Block {
  file: string;
  line: number;
  notRun?: string;
  commands: string[];
}

function readmes(): string[] {
  const found = ['README.md'];
  for (const top of ['katas', 'lib']) {
    for (const dir of readdirSync(join(repoRoot, top), { recursive: true, encoding: 'utf8' })) {
      if (dir.endsWith('README.md')) found.push(`${top}/${dir}`);
    }
  }
  return found.filter((file) => !file.includes('node_modules'));
}

/** The `sh` blocks of a README: each command (continuations joined, comments cut). */
function blocks(file: string): Block[] {
  const lines = readFileSync(join(repoRoot, file), 'utf8').split('\n');
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```sh') continue;
    const above = lines[i - 1] ?? '';
    const notRun = /<!-- not run: (.+?) -->/.exec(above)?.[1];
    const commands: string[] = [];
    let pending = '';
    for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) {
      const text = lines[i]!.replace(/\s+#.*$/, '').trim();
      if (text === '') continue;
      pending += text.endsWith('\\') ? `${text.slice(0, -1)} ` : text;
      if (!text.endsWith('\\')) {
        commands.push(pending.replace(/\s+/g, ' '));
        pending = '';
      }
    }
    found.push({ file, line: i, commands, ...(notRun ? { notRun } : {}) });
  }
  return found;
}

/** How each command that is run here is run: the same command, with bounded options. */
interface Runnable {
  shape: RegExp;
  /** Extra arguments that bound it (a name filter that matches nothing, a fixture root). */
  bounded: (command: string) => { command: string; env?: Record<string, string> };
  expect: RegExp;
}

let fixture = '';
const fixtureRoot = () => {
  fixture ||= copyFixtureRoot();
  return fixture;
};
afterAll(() => fixture && removeFixtureRoot(fixture));

const runnables: Runnable[] = [
  {
    // Benches take minutes: a name filter that matches no bench proves the command parses
    // and finds its files.
    shape: /^(KATA_TARGET=solutions )?npx vitest bench \d\d --run$/,
    bounded: (command) => ({ command: `${command} -t '^no bench has this name$'` }),
    expect: /RUN\s+v\d/,
  },
  {
    shape: /^KATA_TARGET=solutions npx vitest run \d\d$/,
    bounded: (command) => ({ command: `${command} -t '^no spec has this name$'` }),
    expect: /RUN\s+v\d/,
  },
  {
    // On the fixture katas: hints and the hint counter of the repository stay untouched.
    shape: /^npm run kata -- (hint|list)$/,
    bounded: (command) => ({ command, env: { KATA_ROOT: fixtureRoot() } }),
    expect: /hint 1 of 3|katas: \d+\/\d+ green/,
  },
];

const all = readmes().flatMap(blocks);

describe('README commands', { timeout: 180_000 }, () => {
  it('every command is run here, or its block says why not', () => {
    const unexplained = all
      .filter((block) => !block.notRun)
      .flatMap((block) =>
        block.commands
          .filter((command) => !runnables.some((runnable) => runnable.shape.test(command)))
          .map((command) => `${block.file}:${block.line}: ${command}`),
      );
    expect(
      unexplained,
      'add it to the runnables here, or mark its block <!-- not run: reason -->',
    ).toEqual([]);
  });

  it('finds the commands it checks', () => {
    expect(all.filter((block) => !block.notRun).length).toBeGreaterThan(1);
    expect(existsSync(join(repoRoot, 'README.md'))).toBe(true);
  });

  // One run per shape: the first command of each shape, as written in the README.
  const firsts = runnables.flatMap((runnable) => {
    const command = all
      .filter((block) => !block.notRun)
      .flatMap((block) => block.commands)
      .find((text) => runnable.shape.test(text));
    return command ? [{ runnable, command }] : [];
  });
  for (const { runnable, command } of firsts) {
    it(`runs: ${command}`, async () => {
      const bounded = runnable.bounded(command);
      const extra = bounded.env ?? {};
      const run = await runProcess('sh', ['-c', bounded.command], {
        cwd: repoRoot,
        env: extra.KATA_ROOT ? fixtureEnv(extra.KATA_ROOT, extra) : learnerShellEnv(),
        killAfterMs: KATA_KILL_AFTER_MS,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(output).not.toMatch(/Startup Error|TypeError/);
      expect(run.code, output).toBe(0);
      expect(stripVTControlCharacters(output)).toMatch(runnable.expect);
    });
  }
});
