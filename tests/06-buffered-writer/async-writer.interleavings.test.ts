// fast-check's scheduler decides when each task writes and when each sink write completes
// (and how much of it), from a fixed seed: in every order, one write in flight at most,
// and every line lands whole, each task's lines in order. A failure prints the order.
import { AsyncBufferedWriter } from '@target/06-buffered-writer/async-buffered-writer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tracedScheduler, watchShared } from '../../lib/interleavings/trace.ts';
import { MemoryFile } from './async-sinks.ts';
import { line } from './lines.ts';
import { auditLines, describeAudit } from './lines-audit.ts';

const SEED = 20_260_616;
const encoder = new TextEncoder();

describe('AsyncBufferedWriter in every order (fast-check scheduler, fixed seed)', () => {
  it('never has two writes in flight, and loses, tears or reorders no line', async () => {
    await fc.assert(
      fc.asyncProperty(
        tracedScheduler(),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 4, max: 160 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 }),
        async (s, tasks, perTask, size, takes) => {
          let call = 0;
          const file = new MemoryFile((length) => {
            const take = takes[call++ % takes.length]!;
            return s.schedule(
              Promise.resolve(take),
              `sink write of ${Math.min(take, length)}/${length} bytes`,
            );
          });
          const writer = new AsyncBufferedWriter(file, size);
          watchShared(
            'file bytes (writes in flight)',
            () => `${file.text.length} (${file.inFlight})`,
          );
          const task = async (t: number) => {
            for (let i = 0; i < perTask; i++) {
              await s.schedule(Promise.resolve(), `task ${t}: line ${i}`);
              // Odd tasks write bytes, even tasks strings: both paths, interleaved.
              const text = line(i, t);
              await writer.write(t % 2 === 1 ? encoder.encode(text) : text);
            }
          };
          await s.waitFor(Promise.all(Array.from({ length: tasks }, (_, t) => task(t))));
          await s.waitFor(writer.close());
          expect(file.mostInFlight, `${file.mostInFlight} sink writes were in flight at once`).toBe(
            1,
          );
          const audit = auditLines(file.text, tasks, perTask);
          expect(audit, describeAudit(audit, tasks, perTask)).toEqual({
            lines: tasks * perTask,
            torn: 0,
            outOfOrder: 0,
            missing: 0,
          });
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });
});
