// Our Locust worker against a stand-in master: a ZeroMQ ROUTER in this process that speaks the
// messages of Locust 2.12.1's MasterRunner (ack, spawn, stop, quit). It checks the worker's
// side of the conversation in order, without Python; locust-master.test.ts runs the real one.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Router } from 'zeromq';
import { decodeMessage, encodeMessage, type Message } from '../../lib/load/locust/message.ts';
import type { StatsReport } from '../../lib/load/locust/request-stats.ts';
import { ScenarioRegistry } from '../../lib/load/locust/scenario-registry.ts';
import { LocustWorker } from '../../lib/load/locust/worker.ts';
import { getLoop } from '../../lib/load/scenario.ts';
import { settlesWithin } from '../support/bounded.ts';

/** Generous: the machine these run on is shared and often overloaded. */
const WAIT_MS = 10_000;

class StandInMaster {
  readonly router = new Router({ linger: 0 });
  /** Everything the worker sent, in order. */
  readonly received: Message[] = [];
  private waiting: (() => void) | undefined;

  async bind(): Promise<string> {
    await this.router.bind('tcp://127.0.0.1:*');
    void this.listen();
    return this.router.lastEndpoint!;
  }

  private async listen(): Promise<void> {
    try {
      for await (const [, frame] of this.router) {
        this.received.push(decodeMessage(frame!));
        this.waiting?.();
      }
    } catch {
      // closed
    }
  }

  send(to: string, type: string, data: unknown = null): Promise<void> {
    return this.router.send([to, encodeMessage(type, data, to)]);
  }

  /** The first message of `type` after index `from`, waiting for it (bounded). */
  async next(type: string, from = 0): Promise<{ message: Message; index: number }> {
    const find = () => this.received.findIndex((m, i) => i >= from && m.type === type);
    const found = new Promise<number>((resolve) => {
      const check = () => {
        const index = find();
        if (index >= 0) resolve(index);
        else this.waiting = check;
      };
      check();
    });
    const index = await settlesWithin(found, `the worker's "${type}" message`, WAIT_MS);
    return { message: this.received[index]!, index };
  }

  types(from = 0): string[] {
    return this.received.slice(from).flatMap((m) => (m.type === 'heartbeat' ? [] : [m.type]));
  }
}

let service: Server;
let served = 0;
let serviceUrl = '';

beforeAll(async () => {
  service = createServer((_req, res) => {
    served++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
});

afterAll(async () => {
  service.closeAllConnections();
  await new Promise((resolve) => service.close(resolve));
});

function worker(masterUrl: string, log: string[]): LocustWorker {
  return new LocustWorker({
    masterUrl,
    registry: ScenarioRegistry.of([getLoop('hello', '/')]),
    seed: 1,
    timeoutMs: 5000,
    client: 'undici',
    log: (line) => log.push(line),
  });
}

function spawnJob(counts: Record<string, number>, timestamp = 1) {
  const host = serviceUrl;
  return { timestamp, user_classes_count: counts, host, stop_timeout: null, parsed_options: {} };
}

describe("a worker's side of Locust's protocol", { timeout: 4 * WAIT_MS }, () => {
  it('ready → ack → spawn → stop → ready → quit, with statistics that count every request', async () => {
    const master = new StandInMaster();
    const log: string[] = [];
    const ours = worker(await master.bind(), log);
    const exit = ours.run();
    try {
      const ready = await master.next('client_ready');
      expect(ready.message).toEqual({ type: 'client_ready', data: '2.12.1', nodeId: ours.nodeId });
      await master.send(ours.nodeId, 'ack', { index: 0 });
      await master.send(ours.nodeId, 'spawn', spawnJob({ hello: 2 }));
      const complete = await master.next('spawning_complete');
      expect(complete.message.data).toEqual({ user_classes_count: { hello: 2 }, user_count: 2 });
      // A heartbeat a second (the master marks a worker missing after 3 silent seconds).
      const beat = await master.next('heartbeat', complete.index);
      expect(beat.message.data).toEqual({
        state: 'running',
        current_cpu_usage: expect.any(Number),
        current_memory_usage: expect.any(Number),
      });
      expect(served, 'requests the users made by then').toBeGreaterThan(0);
      await master.send(ours.nodeId, 'stop');
      const stopped = await master.next('client_stopped', complete.index);
      await master.next('client_ready', stopped.index);
      const servedWhenStopped = served;
      await master.send(ours.nodeId, 'quit');
      await master.next('quit', stopped.index);
      expect(await settlesWithin(exit, 'the worker’s exit after quit', WAIT_MS)).toBe(0);

      expect(master.types()).toEqual(
        expect.arrayContaining(['spawning', 'spawning_complete', 'client_stopped', 'quit']),
      );
      expect(master.types().at(-1), 'quit comes last').toBe('quit');
      // Every request counted once, but the one each of 2 users had in flight at the stop.
      const reports = master.received.filter((m) => m.type === 'stats');
      const counted = reports.reduce(
        (sum, m) => sum + (m.data as StatsReport).stats_total.num_requests,
        0,
      );
      expect(counted).toBeLessThanOrEqual(servedWhenStopped);
      expect(counted).toBeGreaterThanOrEqual(servedWhenStopped - 2);
      expect(log).toContain('the master said quit');
    } finally {
      master.router.close();
    }
  });

  it('refuses a user class it has no scenario for: exception, quit, exit 1', async () => {
    const master = new StandInMaster();
    const log: string[] = [];
    const ours = worker(await master.bind(), log);
    const exit = ours.run();
    try {
      await master.next('client_ready');
      await master.send(ours.nodeId, 'ack', { index: 0 });
      await master.send(ours.nodeId, 'spawn', spawnJob({ AlbumUser: 3 }));
      const exception = await master.next('exception');
      expect((exception.message.data as { msg: string }).msg).toContain(
        'the master asked for user class "AlbumUser", but this worker has no scenario of that name (it has: hello)',
      );
      await master.next('quit', exception.index);
      expect(await settlesWithin(exit, 'the worker’s exit after a refusal', WAIT_MS)).toBe(1);
      expect(master.types()).not.toContain('spawning_complete');
      expect(log.join('\n')).toContain('user class "AlbumUser"');
    } finally {
      master.router.close();
    }
  });
});
