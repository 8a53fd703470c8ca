// A program under the detector: your core (or the reference, through the switch) behind the
// instrumentation of lib/race, and verdicts that quote Go-shaped reports when they fail.
import { readFileSync } from 'node:fs';
import { RaceDetector } from '@target/08-race-detector/detector';
import { expect } from 'vitest';
import { formatRace, type RaceRecord, raceRecord } from '../../lib/race/report.ts';
import { RaceRuntime } from '../../lib/race/runtime.ts';
import type { CapturedSite } from '../../lib/race/site.ts';

export const newRace = (options?: { sites?: boolean }) =>
  new RaceRuntime(new RaceDetector<CapturedSite>(), options);

export const records = (race: RaceRuntime): RaceRecord[] =>
  race.races().map((found) => raceRecord(found, race));

export const reports = (race: RaceRuntime) => records(race).map(formatRace).join('');

export function expectNoRaces(race: RaceRuntime, program: string): void {
  const found = race.races().length;
  expect(found, `${found} race(s) reported for ${program}, which has none:\n${reports(race)}`).toBe(
    0,
  );
}

/** The innermost frame of an access: `naive-counter.ts:5`. */
export const where = (frames: RaceRecord['current']['frames']) =>
  frames[0]?.where.replace(/^.*\//, '') ?? '<none>';

/** "write naive-counter.ts:6 / read naive-counter.ts:5", one line per race. */
export const pairs = (race: RaceRuntime) =>
  records(race).map(
    (r) =>
      `${r.current.kind} ${where(r.current.frames)} / ${r.previous.kind} ${where(r.previous.frames)}`,
  );

/** `naive-counter.ts:5`: where `snippet` is in a file of this folder (so edits move it along). */
export function lineOf(file: string, snippet: string): string {
  const lines = readFileSync(new URL(file, import.meta.url), 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes(snippet));
  if (at < 0) throw new Error(`${file} has no line with ${snippet}`);
  return `${file}:${at + 1}`;
}
