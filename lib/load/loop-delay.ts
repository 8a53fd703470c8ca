// A generator that saturates its own event loop measures its own queueing, not the
// server's: timers fire late, replies wait to be read. The loop delay says when.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopDelay {
  /** Milliseconds, over the interval since the last read. */
  p99: number;
  max: number;
}

export interface LoopDelayProbe {
  /** The delay since the last read; starts a new interval. */
  read(): LoopDelay;
  stop(): void;
}

const RESOLUTION_MS = 10;

export function eventLoopDelayProbe(): LoopDelayProbe {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  // The samples are whole timer periods: the delay is what exceeds the resolution.
  const lateness = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
  return {
    read() {
      const delay =
        histogram.count === 0
          ? { p99: 0, max: 0 }
          : { p99: lateness(histogram.percentile(99)), max: lateness(histogram.max) };
      histogram.reset();
      return delay;
    },
    stop: () => histogram.disable(),
  };
}
