// Rendering shared by the CLI and the summary reporter: a progress bar, one line per kata.
import type { Kata } from '../target/manifest.ts';
import { failing, firstProblem, type KataResult, notApplicable, verdictOf } from './results.ts';

export function progressBar(done: number, total: number, width = 30): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** `green`, `red: 3 of 8 specs failing — lost 49,000 of 50,000 updates`, or `not checked`. */
export function statusText(result: KataResult | undefined, max = 90): string {
  if (!result) return 'unknown: not run since its files changed';
  const na = notApplicable(result);
  const naText =
    na.length > 0 ? ` (${na.length} not applicable: ${clip(na[0]!.message ?? '', 60)})` : '';
  switch (verdictOf(result)) {
    case 'green':
      return `green${naText}`;
    case 'error':
      return clip(`does not run — ${firstProblem(result) ?? 'no spec ran'}`, max);
    default: {
      const failed = failing(result).length + (result.tests.length === 0 ? 0 : 0);
      const skipsInCi = verdictOf(result) === 'red' && failed === 0;
      return clip(
        skipsInCi
          ? `red: ${na.length} spec(s) skipped, and in CI every spec must run — ${na[0]?.message ?? ''}`
          : `red: ${failed} of ${result.tests.length} specs failing — ${firstProblem(result) ?? ''}`,
        max,
      );
    }
  }
}

/** `katas: 2/11 green — next: 03-mutex (npm run kata)` */
export function progressLine(katas: readonly Kata[], results: (KataResult | undefined)[]): string {
  const green = results.filter((result) => result && verdictOf(result) === 'green').length;
  const next = katas.find((_, i) => !results[i] || verdictOf(results[i]!) !== 'green');
  return next
    ? `katas: ${green}/${katas.length} green — next: ${next.id} (npm run kata)`
    : `katas: ${green}/${katas.length} green — every kata is done`;
}
