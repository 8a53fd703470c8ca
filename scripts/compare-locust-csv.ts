// CI's format check: the CSV files real Locust wrote and ours, held to the same schema of
// Locust 2.12.1's format (tests/support/locust-csv.ts). Exits 1 naming every difference.
// `node --import tsx scripts/compare-locust-csv.ts out/locust-interop/locust out/locust-interop/ours`
import { LOCUST_FILES, type LocustFile, prefixProblems } from '../tests/support/locust-csv.ts';

const [locust, ours] = process.argv.slice(2);
if (!locust || !ours) {
  console.error('usage: compare-locust-csv.ts <Locust --csv prefix> <our --csv prefix>');
  process.exit(2);
}
const files = (Object.keys(LOCUST_FILES) as LocustFile[]).map((f) => LOCUST_FILES[f].suffix);
const problems = [...prefixProblems(locust, 'Locust'), ...prefixProblems(ours, 'ours')];
if (problems.length > 0) {
  console.error(`CSV format differs from Locust 2.12.1's:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `CSV format ok: Locust's and our ${files.join(', ')} share one shape (CRLF, types, time-0 row).`,
);
