// A kata is named by its id (`03-mutex`), its number (`03` or `3`) or its name (`mutex`).
import type { Kata } from '../target/manifest.ts';

export function findKataIn(katas: readonly Kata[], query: string): Kata | undefined {
  const q = query
    .trim()
    .replace(/\/+$/, '')
    .replace(/^katas\//, '');
  if (q === '') return undefined;
  const exact = katas.find((kata) => kata.id === q);
  if (exact) return exact;
  if (/^\d+$/.test(q)) {
    const number = q.padStart(2, '0');
    return katas.find((kata) => kata.id.startsWith(`${number}-`));
  }
  return katas.find((kata) => kata.id.slice(kata.id.indexOf('-') + 1) === q);
}

export class UnknownKataError extends Error {
  override name = 'UnknownKataError';
  constructor(query: string, katas: readonly Kata[]) {
    super(
      `no kata "${query}"; name one as 03, 3 or 03-mutex: ${katas.map((k) => k.id).join(', ')}`,
    );
  }
}
