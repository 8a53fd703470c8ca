// The report, in the shape of Go's (`go run -race`):
//
//   ==================
//   WARNING: DATA RACE
//   Write at store:hits by task 3:
//     naiveIncrement()
//         tests/08-race-detector/naive-counter.ts:9
//
//   Previous read at store:hits by task 2:
//     naiveIncrement()
//         tests/08-race-detector/naive-counter.ts:8
//
//   Task 3 (running) created at:
//     …
//   ==================
//   Found 2 data race(s)
//
// Go prints a memory address and "goroutine N"; here a location name and "task N".

import type { Access, Race, TaskId } from './detector-api.ts';
import { exitStatus } from './exit-code.ts';
import type { RaceRuntime } from './runtime.ts';
import type { CapturedSite, Frame } from './site.ts';

export const SEPARATOR = '==================';

/** One race as data: what the text report says, for specs and tools. */
export interface RaceRecord {
  location: string;
  current: AccessRecord;
  previous: AccessRecord;
}

export interface AccessRecord {
  kind: Access['kind'];
  task: TaskId;
  frames: Frame[];
  /** Where the task was started (empty for the main task). */
  createdAt: Frame[];
  finished: boolean;
}

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);
const byTask = (task: TaskId) => (task === 0 ? 'main task' : `task ${task}`);

export function raceRecord(race: Race<CapturedSite>, runtime: RaceRuntime): RaceRecord {
  const record = (access: Access<CapturedSite>): AccessRecord => {
    const info = runtime.taskInfo(access.task);
    return {
      kind: access.kind,
      task: access.task,
      frames: access.site.frames(),
      createdAt: info?.createdAt?.frames() ?? [],
      finished: info?.finished ?? false,
    };
  };
  return {
    location: race.location,
    current: record(race.current),
    previous: record(race.previous),
  };
}

const stack = (frames: Frame[]) =>
  frames.length === 0
    ? ['  <no frame inside the project>']
    : frames.flatMap((frame) => [`  ${frame.fn}()`, `      ${frame.where}`]);

function created(access: AccessRecord): string[] {
  if (access.task === 0) return [];
  const state = access.finished ? 'finished' : 'running';
  return ['', `Task ${access.task} (${state}) created at:`, ...stack(access.createdAt)];
}

export function formatRace(race: RaceRecord): string {
  const { current, previous } = race;
  const lines = [
    SEPARATOR,
    'WARNING: DATA RACE',
    `${capitalized(current.kind)} at ${race.location} by ${byTask(current.task)}:`,
    ...stack(current.frames),
    '',
    `Previous ${previous.kind} at ${race.location} by ${byTask(previous.task)}:`,
    ...stack(previous.frames),
    ...created(current),
    ...(previous.task === current.task ? [] : created(previous)),
    SEPARATOR,
  ];
  return `${lines.join('\n')}\n`;
}

export const formatSummary = (count: number) => `Found ${count} data race(s)\n`;

/** Prints each race once, as it is found (flush as often as you like), then the summary. */
export class RaceReporter {
  private printed = 0;

  constructor(
    private readonly runtime: RaceRuntime,
    private readonly write: (text: string) => void,
  ) {}

  /** Prints the races found since the last flush; returns how many were found in all. */
  flush(): number {
    const races = this.runtime.races();
    for (const race of races.slice(this.printed)) {
      this.write(formatRace(raceRecord(race, this.runtime)));
    }
    this.printed = races.length;
    return races.length;
  }

  /** Flushes, prints `Found N data race(s)` if there were any, and returns the exit status. */
  finish(env: NodeJS.ProcessEnv = process.env): number {
    const found = this.flush();
    if (found > 0) this.write(formatSummary(found));
    return exitStatus(found, env);
  }
}
