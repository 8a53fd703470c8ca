// Failures by kind in Locust's format (locust/stats.py, StatsError, 2.12.1). A worker ships
// {key: {method, name, error, occurrences}} and the master adds occurrences up by key, so the
// key is computed as Locust computes it: sha256 of "method.name.repr(parse_error(error))",
// where parse_error(error) is repr(error). Our errors are strings (the failure kind).
import { createHash } from 'node:crypto';

export interface StatsErrorDict {
  method: string;
  name: string;
  error: string;
  occurrences: number;
}

/** Python's repr() of a str (the cases a failure kind or a request name can hold). */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else out += char;
  }
  return out + quote;
}

export function statsErrorKey(method: string, name: string, error: string): string {
  return createHash('sha256')
    .update(`${method}.${name}.${pythonRepr(pythonRepr(error))}`)
    .digest('hex');
}

/** What a Python worker would send for this error string (serialize applies repr). */
export function statsError(method: string, name: string, error: string): StatsErrorDict {
  return { method, name, error: pythonRepr(error), occurrences: 0 };
}
