// `npm run serve` as a user runs it, in a process group of its own. Whichever process of the
// tree gets SIGTERM or SIGINT (npm, or the node server under it), the service drains and
// exits, and no process of the group is left holding the port.
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { exitWithin, startServe } from './serve-process.ts';

/** Every live process whose process group is `pgid`, as "pid command". */
function processesInGroup(pgid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid pgrp …: comm may hold spaces, so split after its ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') {
        const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
        found.push(`${entry} ${cmd}`);
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

const portRefuses = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

/** Children of `pid` (from /proc), to find the node server under npm. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('npm run serve: signals reach the server, nothing is left behind', () => {
  it.each([
    ['SIGTERM', 'npm'],
    ['SIGINT', 'the node server'],
  ] as const)(
    '%s to %s: the service drains, exits, and the group is empty',
    async (signal, target) => {
      const serve = await startServe(['--port', '0'], {
        command: ['npm', 'run', '--silent', 'serve', '--'],
        detached: true,
      });
      const npm = serve.child.pid!;
      const tree = processesInGroup(npm);
      // npm → node: `exec` leaves no shell (and no tsx process) in between.
      expect(tree, `the process tree of npm run serve:\n${tree.join('\n')}`).toHaveLength(2);
      const [server] = childrenOf(npm);
      expect(server, 'the server process under npm').toBeDefined();
      process.kill(target === 'npm' ? npm : server!, signal);
      await exitWithin(serve, 15_000);
      expect(serve.output(), 'the server drained').toMatch(/album service stopped/);
      // npm has exited; its group must be empty: no orphan keeps the port.
      const deadline = Date.now() + 5_000;
      while (processesInGroup(npm).length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(processesInGroup(npm), 'processes left behind').toEqual([]);
      expect(await portRefuses(serve.url), `${serve.url} still accepts connections`).toBe(true);
    },
    60_000,
  );
});
