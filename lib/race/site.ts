// Where an access happened, captured cheaply and resolved late. Capturing only walks the
// stack. `key` (the raw position of the innermost project frame: Go, too, tells reports apart
// by the two accesses' program counters) is worked out when a detector first compares the
// site; `frames()` only for a site that ends up in a report, through whatever
// `Error.prepareStackTrace` is installed then (tsx's or vitest's source-map support), which
// maps it to `file:line` of the TypeScript source.

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

/**
 * Frames kept per access: the instrumentation's own three or four (site, runtime, wrapper or
 * Proxy trap) and the program's innermost ones. A capture costs about the same at any depth,
 * but every frame kept is one more CallSite built when the site's key is first read.
 */
const ACCESS_DEPTH = 6;
/** Frames kept where a task was started: rare, so the whole chain of callers up to the program's. */
export const CREATION_DEPTH = 8;
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

/**
 * V8 walks the stack when it is captured but builds the `stack` property only when it is first
 * read, with whatever `Error.prepareStackTrace` is installed then. So a capture costs one walk;
 * a site that never ends up in a report, or in a comparison, is never formatted.
 */
class StackSite implements CapturedSite {
  private sites: NodeJS.CallSite[] | undefined;
  private innermost: string | undefined;
  private resolved: Frame[] | undefined;

  constructor(private readonly holder: { stack?: unknown }) {}

  get key(): string {
    if (this.innermost === undefined) {
      this.innermost = '<outside the project>';
      for (const site of this.callSites()) {
        const file = site.getFileName();
        if (!inProject(file)) continue;
        this.innermost = `${file}:${site.getLineNumber()}:${site.getColumnNumber()}`;
        break;
      }
    }
    return this.innermost;
  }

  frames(): Frame[] {
    this.resolved ??= resolveFrames(this.callSites());
    return this.resolved;
  }

  private callSites(): NodeJS.CallSite[] {
    if (!this.sites) {
      const savedPrepare = Error.prepareStackTrace;
      Error.prepareStackTrace = structured;
      this.sites = (this.holder.stack as NodeJS.CallSite[] | undefined) ?? [];
      Error.prepareStackTrace = savedPrepare;
    }
    return this.sites;
  }
}

export function captureSite(depth = ACCESS_DEPTH): CapturedSite {
  const savedLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = depth;
  const holder: { stack?: unknown } = {};
  Error.captureStackTrace(holder, captureSite);
  Error.stackTraceLimit = savedLimit;
  return new StackSite(holder);
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
