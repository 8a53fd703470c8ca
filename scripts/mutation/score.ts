// The mutation score of one kata, as the project defines it: killed ÷ (killed + survived +
// no coverage), timeouts counted as killed, and the mutants that tests/NN-name/EQUIVALENT.md
// lists left out. Mutants that do not compile or crash the run count for nothing.

/** The part of Stryker's JSON report (mutation-testing-report-schema) read here. */
export interface MutationReport {
  files: Record<string, { source: string; mutants: ReportedMutant[] }>;
}

export interface ReportedMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface Equivalent {
  key: string;
  reason: string;
}

export interface Survivor {
  key: string;
  status: string;
  original: string;
}

export interface KataScore {
  killed: number;
  timedOut: number;
  survived: number;
  noCoverage: number;
  equivalent: number;
  /** Percent, or NaN when no mutant counts. */
  score: number;
  survivors: Survivor[];
  /** EQUIVALENT.md lines, of the files this run mutated, that match no surviving mutant any more. */
  stale: Equivalent[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `file:line:column Mutator \`replacement\``: how EQUIVALENT.md names a mutant. */
export function mutantKey(file: string, mutant: ReportedMutant): string {
  const { line, column } = mutant.location.start;
  return `\`${file}:${line}:${column}\` ${mutant.mutatorName} \`${oneLine(mutant.replacement ?? '')}\``;
}

// - `solutions/03-mutex/shared-mutex.ts:31:7` EqualityOperator `c === 2` — the reason
const EQUIVALENT_LINE = /^-\s+(`[^`]+:\d+:\d+`\s+\w+\s+`.*`)\s+—\s+(\S.*)$/;

/** Reads EQUIVALENT.md: every line that starts with "- " must name a mutant and a reason. */
export function parseEquivalents(markdown: string, source: string): Equivalent[] {
  const equivalents: Equivalent[] = [];
  markdown.split('\n').forEach((line, index) => {
    if (!line.startsWith('- ')) return;
    const match = EQUIVALENT_LINE.exec(line.trim());
    if (!match) {
      throw new Error(
        `${source}:${index + 1}: expected "- \`file:line:column\` Mutator \`replacement\` — reason"; got: ${line}`,
      );
    }
    equivalents.push({ key: match[1]!.replace(/\s+/g, ' '), reason: match[2]! });
  });
  return equivalents;
}

const KILLED = new Set(['Killed']);
const TIMED_OUT = new Set(['Timeout']);
const LIVE = new Set(['Survived', 'NoCoverage']);

function originalText(source: string, mutant: ReportedMutant): string {
  const lines = source.split('\n');
  const { start, end } = mutant.location;
  const picked = lines.slice(start.line - 1, end.line);
  if (picked.length === 0) return '';
  picked[picked.length - 1] = picked[picked.length - 1]!.slice(0, end.column - 1);
  picked[0] = picked[0]!.slice(start.column - 1);
  const text = oneLine(picked.join('\n'));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function scoreReport(report: MutationReport, equivalents: Equivalent[]): KataScore {
  const listed = new Map(equivalents.map((equivalent) => [equivalent.key, equivalent]));
  const used = new Set<string>();
  const result: KataScore = {
    killed: 0,
    timedOut: 0,
    survived: 0,
    noCoverage: 0,
    equivalent: 0,
    score: Number.NaN,
    survivors: [],
    stale: [],
  };
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    for (const mutant of mutants) {
      const key = mutantKey(file, mutant);
      if (LIVE.has(mutant.status) && listed.has(key)) {
        used.add(key);
        result.equivalent++;
      } else if (KILLED.has(mutant.status)) result.killed++;
      else if (TIMED_OUT.has(mutant.status)) result.timedOut++;
      else if (mutant.status === 'Survived') result.survived++;
      else if (mutant.status === 'NoCoverage') result.noCoverage++;
      if (LIVE.has(mutant.status) && !listed.has(key)) {
        result.survivors.push({
          key,
          status: mutant.status,
          original: originalText(source, mutant),
        });
      }
    }
  }
  // Only files this run mutated can make a line stale (a run scoped with --mutate skips others).
  const fileOf = (key: string) => key.slice(1, key.indexOf('`', 1)).replace(/:\d+:\d+$/, '');
  result.stale = equivalents.filter(
    (equivalent) => !used.has(equivalent.key) && fileOf(equivalent.key) in report.files,
  );
  const detected = result.killed + result.timedOut;
  const counted = detected + result.survived + result.noCoverage;
  result.score = counted === 0 ? Number.NaN : (100 * detected) / counted;
  return result;
}
