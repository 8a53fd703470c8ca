// `<prefix>_generator.csv`: what each load thread cost, once a second (generator-cost.ts). A file
// of its own, so the Locust-format files (csv.ts) keep Locust's columns exactly. CRLF line ends,
// as Python's csv module (and so Locust) writes them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GeneratorCost } from './generator-cost.ts';

export const GENERATOR_HEADER = [
  'Timestamp',
  'Thread',
  'CPU %',
  'Heap Used (MB)',
  'Process RSS (MB)',
];

const number = (value: number | undefined, digits: number) =>
  value === undefined ? '' : String(Math.round(value * 10 ** digits) / 10 ** digits);

export function generatorCsv(cost: GeneratorCost): string {
  const lines = [GENERATOR_HEADER.join(',')];
  for (const sample of cost.samples) {
    lines.push(
      [
        Math.floor(sample.wall / 1000),
        sample.thread,
        number(sample.cpu === undefined ? undefined : sample.cpu * 100, 1),
        number(sample.heapUsedBytes === undefined ? undefined : sample.heapUsedBytes / 2 ** 20, 1),
        number(sample.rssBytes === undefined ? undefined : sample.rssBytes / 2 ** 20, 1),
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes `<prefix>_generator.csv`; returns its path. */
export function writeGeneratorCsv(prefix: string, cost: GeneratorCost): string {
  const file = `${prefix}_generator.csv`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, generatorCsv(cost));
  return file;
}
