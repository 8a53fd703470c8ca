// The shape of Locust 2.12.1's CSV files, as its source writes them (locust/stats.py), checked
// with a real CSV parser. Both real Locust's files and ours are held to the same schema: if
// Locust's own files fail it, the schema is wrong; if ours fail it, our format is.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  EXCEPTIONS_HEADER,
  FAILURES_HEADER,
  HISTORY_HEADER,
  STATS_HEADER,
} from '../../lib/load/csv.ts';

/** What one cell may look like. */
type Kind = 'int' | 'float' | 'fixed6' | 'N/A' | 'empty' | 'text' | 'multiline';

const KIND_PATTERNS: Record<Kind, RegExp> = {
  int: /^-?\d+$/,
  // Python's repr of a float: 0.0, 9.490190306447097, 1e-05, 2.5e+16.
  float: /^-?(\d+\.\d+(e[+-]\d\d+)?|\d+e[+-]\d\d+|inf|nan)$/,
  // f"{x:2f}"
  fixed6: /^-?\d+\.\d{6}$/,
  'N/A': /^N\/A$/,
  empty: /^$/,
  text: /^[^\r\n]+$/,
  multiline: /^[^\r]*$/,
};

const PERCENTILE_KINDS: Kind[][] = Array.from({ length: 11 }, () => ['int', 'N/A']);
// A median clamped to the max is Locust's float max; min, max and size start as the int 0.
const TOTALS: Kind[][] = [
  ['int'],
  ['int'],
  ['int', 'float'],
  ['float'],
  ['int', 'float'],
  ['int', 'float'],
  ['int', 'float'],
];

export const LOCUST_FILES = {
  stats: {
    suffix: '_stats.csv',
    header: STATS_HEADER,
    kinds: [
      ['text', 'empty'],
      ['text'],
      TOTALS[0]!,
      TOTALS[1]!,
      TOTALS[2]!,
      TOTALS[3]!,
      TOTALS[4]!,
      TOTALS[5]!,
      TOTALS[6]!,
      ['float'],
      ['float'],
      ...PERCENTILE_KINDS,
    ] as Kind[][],
  },
  history: {
    suffix: '_stats_history.csv',
    header: HISTORY_HEADER,
    kinds: [
      ['int'],
      ['int'],
      ['text', 'empty'],
      ['text'],
      ['fixed6'],
      ['fixed6'],
      ...PERCENTILE_KINDS,
      ...TOTALS,
    ] as Kind[][],
  },
  failures: {
    suffix: '_failures.csv',
    header: FAILURES_HEADER,
    kinds: [['text', 'empty'], ['text'], ['text'], ['int']] as Kind[][],
  },
  exceptions: {
    suffix: '_exceptions.csv',
    header: EXCEPTIONS_HEADER,
    kinds: [['int'], ['text'], ['multiline', 'empty'], ['text']] as Kind[][],
  },
} as const;

export type LocustFile = keyof typeof LOCUST_FILES;

export interface ParsedCsv {
  header: string[];
  rows: string[][];
}

/**
 * Parses a CSV file as Locust writes it: every row ends with CRLF (a line break inside a quoted
 * cell stays LF). Throws, naming the problem, if the text is not that.
 */
export function parseLocustCsv(text: string, label: string): ParsedCsv {
  if (!text.endsWith('\r\n')) throw new Error(`${label}: the last row does not end with CRLF`);
  const records = parse(text, { record_delimiter: '\r\n' }) as string[][];
  const [header, ...rows] = records;
  if (!header) throw new Error(`${label}: no header`);
  return { header, rows };
}

const kindOf = (cell: string): Kind[] =>
  (Object.keys(KIND_PATTERNS) as Kind[]).filter((kind) => KIND_PATTERNS[kind].test(cell));

/** Every way `text` differs from Locust's format for `file`; empty when it matches. */
export function shapeProblems(file: LocustFile, text: string, label: string): string[] {
  const { header, kinds } = LOCUST_FILES[file];
  let parsed: ParsedCsv;
  try {
    parsed = parseLocustCsv(text, label);
  } catch (error) {
    return [(error as Error).message];
  }
  const problems: string[] = [];
  if (parsed.header.join(',') !== header.join(',')) {
    problems.push(`${label}: header ${parsed.header.join(',')} is not ${header.join(',')}`);
  }
  parsed.rows.forEach((row, r) => {
    if (row.length !== header.length) {
      problems.push(`${label} row ${r + 1}: ${row.length} cells, expected ${header.length}`);
      return;
    }
    row.forEach((cell, c) => {
      const allowed = kinds[c]!;
      if (!kindOf(cell).some((kind) => allowed.includes(kind))) {
        problems.push(
          `${label} row ${r + 1}, ${header[c]}: ${JSON.stringify(cell)} is not ${allowed.join(' or ')}`,
        );
      }
    });
  });
  if (file === 'history') problems.push(...historyProblems(parsed, label));
  if (file === 'stats') {
    const last = parsed.rows.at(-1);
    if (last?.[0] !== '' || last[1] !== 'Aggregated') {
      problems.push(`${label}: the last row is not the Aggregated one`);
    }
  }
  return problems;
}

/** The time-0 row first; every second ends with its Aggregated row. */
function historyProblems({ header, rows }: ParsedCsv, label: string): string[] {
  const problems: string[] = [];
  const first = rows[0];
  const zero = ['0', '', 'Aggregated', '0.000000', '0.000000'];
  const zeroTotals = ['0', '0', '0', '0.0', '0', '0', '0'];
  if (
    !first ||
    first.slice(1, 6).join(',') !== zero.join(',') ||
    first.slice(6, 17).some((cell) => cell !== 'N/A') ||
    first.slice(17).join(',') !== zeroTotals.join(',')
  ) {
    problems.push(`${label}: no time-0 row (users 0, N/A percentiles, zero totals) first`);
  }
  const name = header.indexOf('Name');
  rows.forEach((row, r) => {
    const next = rows[r + 1];
    if (row[name] !== 'Aggregated' && (!next || next[0] !== row[0])) {
      problems.push(`${label} row ${r + 1}: a per-name row not followed by its second's rows`);
    }
  });
  return problems;
}

/** The four files under a prefix (`out/run` → out/run_stats.csv, …), each checked. */
export function prefixProblems(prefix: string, label = prefix): string[] {
  return (Object.keys(LOCUST_FILES) as LocustFile[]).flatMap((file) => {
    const path = `${prefix}${LOCUST_FILES[file].suffix}`;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return [`${label}: no ${path}`];
    }
    return shapeProblems(file, text, `${label}${LOCUST_FILES[file].suffix}`);
  });
}
