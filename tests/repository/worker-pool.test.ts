import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Barrier } from '../../lib/workers/barrier.ts';
import { runWorkers, startWorkerPool } from '../../lib/workers/pool.ts';
import type { ProbeRound } from './fixtures/probe.worker.ts';

const entry = fileURLToPath(new URL('./fixtures/probe.worker.ts', import.meta.url));
type ProbeData = { tag: string; failSetup?: boolean };

describe('the worker pool', () => {
  it('runs TypeScript workers and returns their results in order', async () => {
    const pool = await startWorkerPool<ProbeData, ProbeRound, string>({
      entry,
      count: 3,
      data: (i) => ({ tag: `w${i}` }),
    });
    try {
      expect(await pool.run({ action: 'echo' })).toEqual(['w0:0/3', 'w1:1/3', 'w2:2/3']);
      expect(await pool.run({ action: 'echo' }), 'a second round reuses the workers').toHaveLength(
        3,
      );
    } finally {
      await pool.close();
    }
  });

  it('reports a worker error with its name and the worker index', async () => {
    const pool = await startWorkerPool<ProbeData, ProbeRound, unknown>({
      entry,
      count: 2,
      data: (i) => ({ tag: `w${i}` }),
    });
    try {
      const outcomes = await pool.runSettled((i) =>
        i === 1 ? { action: 'throw', message: 'boom' } : { action: 'echo' },
      );
      expect(outcomes[0]).toEqual({ ok: true, value: 'w0:0/2' });
      expect(outcomes[1]?.ok).toBe(false);
      const failure = outcomes[1] as { ok: false; error: Error };
      expect(failure.error.name).toBe('ProbeError');
      expect(failure.error.message).toBe('worker 1: boom');
    } finally {
      await pool.close();
    }
  });

  it('fails a hung round by its deadline and terminates the workers', async () => {
    const pool = await startWorkerPool<ProbeData, ProbeRound, unknown>({
      entry,
      count: 2,
      data: (i) => ({ tag: `w${i}` }),
      timeoutMs: 300,
    });
    const outcomes = await pool.runSettled({ action: 'hang' });
    expect(outcomes.every((outcome) => !outcome.ok)).toBe(true);
    expect(String((outcomes[0] as { error: Error }).error.message)).toMatch(
      /did not finish its round within 300 ms/,
    );
    await expect(pool.run({ action: 'echo' }), 'the next round says what happened').rejects.toThrow(
      /an earlier spec in this file left a worker hanging: worker \d of 2 did not finish its round within 300 ms \(a deadlock, or a lost wake-up\?\)\. Its workers were stopped/,
    );
  });

  it('rejects startup when a worker setup fails, and cleans up', async () => {
    await expect(
      runWorkers<ProbeData, unknown>({
        entry,
        count: 2,
        data: (i) => ({ tag: `w${i}`, failSetup: i === 1 }),
      }),
    ).rejects.toThrow(/setup of w1 failed/);
  });
});

describe('the barrier', () => {
  it('releases every party of a round together, and exactly one is told it was last', () => {
    const barrier = new Barrier(1);
    expect(barrier.arriveAndWait()).toBe(true);
    expect(barrier.arriveAndWait(), 'reusable for the next round').toBe(true);
  });

  it('refuses zero parties', () => {
    expect(() => new Barrier(0)).toThrow(/at least 1 party/);
  });
});
