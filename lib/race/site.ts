// Where an access happened, captured cheaply and resolved late. Capturing asks V8 for the
// structured call sites (no string formatting, no source map); `key` is built from the raw
// positions of the project frames, so equal sites compare equal without resolving. The key is the innermost project frame
// (Go, too, tells reports apart by the two accesses' program counters). Only a site
// that ends up in a report is formatted: through whatever `Error.prepareStackTrace` is
// installed at that time (tsx's or vitest's source-map support), which maps it to `file:line`
// of the TypeScript source.

import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../target/target.ts';
import type { Site } from './detector-api.ts';

export interface Frame {
  /** `increment`, `MemoryAlbumStore.create`, or `<anonymous>`. */
  fn: string;
  /** Relative to the repository: `tests/08-race-detector/naive-counter.ts:8`. */
  where: string;
}

export interface CapturedSite extends Site {
  /** The frames inside the project (not node_modules, not lib/race), innermost first. */
  frames(): Frame[];
}

const DEPTH = 8;
const OWN_DIR = `${repoRoot}/lib/race/`;

const pathOf = (file: string) => (file.startsWith('file://') ? fileURLToPath(file) : file);

const projectFiles = new Map<string, boolean>();

/** A frame of the program under test: in the repository, outside node_modules and lib/race. */
function inProject(file: string | null | undefined): file is string {
  if (!file) return false;
  let inside = projectFiles.get(file);
  if (inside === undefined) {
    const path = pathOf(file);
    inside =
      path.startsWith(repoRoot) && !path.includes('/node_modules/') && !path.startsWith(OWN_DIR);
    projectFiles.set(file, inside);
  }
  return inside;
}

const structured = (_error: Error, sites: NodeJS.CallSite[]) => sites;

class StackSite implements CapturedSite {
  private resolved: Frame[] | undefined;

  constructor(
    readonly key: string,
    private readonly sites: NodeJS.CallSite[],
  ) {}

  frames(): Frame[] {
    this.resolved ??= resolveFrames(this.sites);
    return this.resolved;
  }
}

/** One site object per innermost frame, so a detector that keeps millions of accesses keeps few sites. */
const interned = new Map<string, StackSite>();
const MAX_INTERNED = 10_000;

export function captureSite(): CapturedSite {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  Error.prepareStackTrace = structured;
  Error.stackTraceLimit = DEPTH;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  Error.captureStackTrace(holder, captureSite);
  const sites = holder.stack ?? [];
  Error.prepareStackTrace = savedPrepare;
  Error.stackTraceLimit = savedLimit;
  let key = '<outside the project>';
  for (const site of sites) {
    const file = site.getFileName();
    if (!inProject(file)) continue;
    key = `${file}:${site.getLineNumber()}:${site.getColumnNumber()}`;
    break;
  }
  let site = interned.get(key);
  if (!site) {
    site = new StackSite(key, sites);
    if (interned.size < MAX_INTERNED) interned.set(key, site);
  }
  return site;
}

/** A site given by hand (specs of the core, sites outside any stack). */
export function namedSite(where: string, fn = '<anonymous>'): CapturedSite {
  return { key: where, frames: () => [{ fn, where }] };
}

const FRAME = /^\s*at (?:async )?(?:(.*?) \()?(.+?):(\d+):\d+\)?$/;

function resolveFrames(sites: NodeJS.CallSite[]): Frame[] {
  const project = sites.filter((site) => inProject(site.getFileName()));
  const prepare = Error.prepareStackTrace;
  const text = prepare
    ? String(prepare(new Error('race site'), project))
    : project.map((site) => `    at ${site}`).join('\n');
  const frames: Frame[] = [];
  for (const line of text.split('\n')) {
    const match = FRAME.exec(line);
    if (!match) continue;
    const [, fn, file, lineNumber] = match;
    frames.push({
      // A method called through a tracked instance runs with `this` = the Proxy.
      fn: fn ? fn.replace(/^Proxy\./, '') : '<anonymous>',
      where: `${relative(repoRoot, pathOf(file!))}:${lineNumber}`,
    });
  }
  return frames;
}
